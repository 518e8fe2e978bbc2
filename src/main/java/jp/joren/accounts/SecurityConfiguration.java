package jp.joren.accounts;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

// which pages only the owner opens is said beside them, with @OwnerOnly
@EnableMethodSecurity
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {"/", "/login", "/signup", "/signup/**", "/password-reset",
            "/password-reset/**", "/invitation", "/join/**", "/u/**", "/line/webhook/**", "/line/coupon-qr/*", "/postal-codes/*", "/language",
            "/static/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/info"};

    @Bean
    SecurityFilterChain web(HttpSecurity http, LoginAccounts accounts, LoginThrottle throttle,
            LoginSuccessHandler onSuccess, PasswordEncoder passwordEncoder) throws Exception {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(accounts);
        passwordCheck.setPasswordEncoder(passwordEncoder);
        // a disabled account says so only to the one who knows its password: to anyone else it is a wrong one
        passwordCheck.setPreAuthenticationChecks(user -> { });
        passwordCheck.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("The account is disabled");
            }
        });
        http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                // the only way in: no parent manager that a throttled attempt could fall through to
                .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle)))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(onSuccess)
                        .failureHandler(new LoginFailureHandler()))
                // an email client's one-click unsubscribe (RFC 8058) has no session and no token; nor have
                // LINE's servers calling a shop's webhook, which is signed with the shop's channel secret instead
                .csrf(csrf -> csrf.ignoringRequestMatchers("/u/**", "/line/webhook/**"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .securityContext(context -> context.securityContextRepository(securityContextRepository()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                                        + "form-action 'self'; base-uri 'self'"))
                        // a reset or confirmation token in an address never travels to another site
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // the counter may scan QR codes with its own camera one day; nothing else is asked for
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(self), microphone=(), geolocation=(), payment=(), usb=()")));
        return http.build();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
