package nl.leerlog.tool.system.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Pages link to static files by their plain paths ({@code /css/…}, {@code /js/…}, and htmx at its webjar path
 * without a version, which the webjar resolver serves). So links are never rewritten: the rewriting filter that
 * Spring Boot adds with the webjar resolver looked every link of every page up on the class path, the ones to
 * pages too, and made rendering a page several times slower.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
