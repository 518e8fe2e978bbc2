package jp.joren.accounts;

import jp.joren.shared.SecretToken;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in a staff invitation: the page asks before acting (mail scanners open links), and its button
 * makes the account, which then logs in with the first password the owner gave.
 */
@Controller
@RequestMapping("/invitation")
@RequiredArgsConstructor
class InvitationController {

    private final StaffInvites invites;

    @GetMapping
    String page(@RequestParam(defaultValue = "") String token, Model model) {
        return invites.invitee(new SecretToken(token)).map(name -> {
            model.addAttribute("token", token);
            model.addAttribute("displayName", name);
            return "accounts/invitation";
        }).orElse("accounts/invitation-invalid");
    }

    @PostMapping
    String accept(@RequestParam(defaultValue = "") String token) {
        return invites.accept(new SecretToken(token)) ? "redirect:/login?joined" : "accounts/invitation-invalid";
    }
}
