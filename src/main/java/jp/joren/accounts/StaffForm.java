package jp.joren.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class StaffForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.tooLong}")
    private String displayName = "";

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String email = "";

    @NotBlank(message = "{validation.required}")
    @AcceptablePassword
    private String password = "";

    NewStaff toNewStaff() {
        return new NewStaff(displayName, email, password);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
