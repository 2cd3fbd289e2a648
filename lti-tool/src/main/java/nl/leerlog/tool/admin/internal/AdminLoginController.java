package nl.leerlog.tool.admin.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's login page (password and, when configured, single sign-on) and its front door. */
@Controller
record AdminLoginController(AdminSettings settings, ObjectProvider<ClientRegistrationRepository> ssoClients) {

    /** A single sign-on provider offered on the login page. */
    public record SsoProvider(String name, String path) {}

    @GetMapping(AdminSecurityConfiguration.LOGIN_PAGE)
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String locked,
            @RequestParam(name = "sso-refused", required = false) String ssoRefused,
            @RequestParam(name = "logged-out", required = false) String loggedOut,
            Authentication authentication,
            Model model) {
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/admin/registrations";
        }
        List<SsoProvider> providers = ssoProviders();
        model.addAttribute("passwordLogin", settings.hasBootstrapAdmin());
        model.addAttribute("ssoProviders", providers);
        model.addAttribute("noAdminConfigured", !settings.hasBootstrapAdmin() && providers.isEmpty());
        model.addAttribute("loginFailed", error != null);
        model.addAttribute("loginLocked", locked != null);
        model.addAttribute("ssoRefused", ssoRefused != null);
        model.addAttribute("loggedOut", loggedOut != null);
        return "admin/login";
    }

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:/admin/registrations";
    }

    private List<SsoProvider> ssoProviders() {
        List<SsoProvider> providers = new ArrayList<>();
        if (ssoClients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object each : registrations) {
                ClientRegistration registration = (ClientRegistration) each;
                providers.add(new SsoProvider(
                        registration.getClientName(),
                        AdminSecurityConfiguration.SSO_AUTHORIZATION_BASE + "/" + registration.getRegistrationId()));
            }
        }
        return providers;
    }
}
