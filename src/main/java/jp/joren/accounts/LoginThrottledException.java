package jp.joren.accounts;

import org.springframework.security.core.AuthenticationException;

class LoginThrottledException extends AuthenticationException {

    LoginThrottledException() {
        super("Too many failed logins; try again later");
    }
}
