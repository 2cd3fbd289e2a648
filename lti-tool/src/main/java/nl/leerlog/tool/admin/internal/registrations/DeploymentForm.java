package nl.leerlog.tool.admin.internal.registrations;

import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/** One deployment id, as added on a registration's page. */
record DeploymentForm(
        @TypeableText(max = 255, required = true, singleLine = true, keys = RegistrationForm.KEYS)
        String deploymentId) {

    String stripped() {
        return TypeableTextRule.stripped(deploymentId);
    }
}
