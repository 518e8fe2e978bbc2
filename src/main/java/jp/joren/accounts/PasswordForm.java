package jp.joren.accounts;

import jakarta.validation.constraints.NotBlank;

class PasswordForm {

    @NotBlank(message = "{validation.required}")
    @AcceptablePassword
    private String password = "";

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
