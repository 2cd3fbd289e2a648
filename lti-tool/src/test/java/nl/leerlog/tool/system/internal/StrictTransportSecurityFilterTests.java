package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Production answers carry HSTS (RFC 6797); the filter exists only under the prod profile. */
class StrictTransportSecurityFilterTests {

    @Test
    void everyAnswerTellsTheBrowserToUseHttpsOnlyForAYear() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new StrictTransportSecurityFilter()
                .doFilter(new MockHttpServletRequest("GET", "/student/log"), response, new MockFilterChain());

        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void onlyTheProductionProfileHasTheFilter() {
        assertThat(filters("prod")).isEqualTo(1);
        assertThat(filters("dev")).isZero();
    }

    private static int filters(String profile) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().setActiveProfiles(profile);
            context.register(StrictTransportSecurityFilter.class);
            context.refresh();
            return context.getBeansOfType(StrictTransportSecurityFilter.class).size();
        }
    }
}
