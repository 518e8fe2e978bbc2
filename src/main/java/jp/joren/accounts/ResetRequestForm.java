package jp.joren.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class ResetRequestForm {

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String email = "";

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
