package jp.joren.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class PasswordForm {

    @NotBlank(message = "{validation.required}")
    @Size(min = 8, max = 128, message = "{validation.password}")
    private String password = "";

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
