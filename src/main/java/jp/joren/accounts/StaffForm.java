package jp.joren.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

class StaffForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    @Getter @Setter private String displayName = "";

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    @Getter @Setter private String email = "";

    @NotBlank(message = "{validation.required}")
    @AcceptablePassword
    @Getter @Setter private String password = "";

    NewStaff toNewStaff() {
        return new NewStaff(displayName, email, password);
    }
}
