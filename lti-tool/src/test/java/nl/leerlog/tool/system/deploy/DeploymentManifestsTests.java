package nl.leerlog.tool.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leerlog.tool.system.deploy.Settings.Setting;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files in {@code deploy/} as Kubernetes and compose read them: every manifest of the kustomize base
 * and of the production overlay is an object of the Kubernetes API with no field it does not know, production has
 * what running for a university takes, and every environment variable the manifests, the compose file and the
 * image set is a setting Leerlog reads. (CI also renders both with {@code kubectl kustomize}, see {@code .ci/run}.)
 */
class DeploymentManifestsTests {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Path BASE = DEPLOY.resolve("kubernetes/base");
    private static final Path PRODUCTION = DEPLOY.resolve("kubernetes/overlays/production");
    private static final Path COMPOSE = DEPLOY.resolve("compose/compose.yaml");

    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Namespace", Namespace.class,
            "ServiceAccount", ServiceAccount.class,
            "ConfigMap", ConfigMap.class,
            "Service", Service.class,
            "Deployment", Deployment.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "Ingress", Ingress.class);

    private static final ObjectMapper KUBERNETES =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Test
    void everyManifestIsAKubernetesObjectWithoutUnknownFields() throws Exception {
        List<HasMetadata> objects = new ArrayList<>(objects(BASE));
        objects.addAll(objects(PRODUCTION));

        assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "Service", "Ingress");
        for (HasMetadata object : objects) {
            assertThat(unknownFields(object, object.getKind()))
                    .as("fields of " + object.getKind() + " "
                            + object.getMetadata().getName() + " that the Kubernetes API does not have")
                    .isEmpty();
        }
    }

    @Test
    void productionRunsSeveralInstancesThatAreProbedAndKeptAvailable() throws Exception {
        List<HasMetadata> base = objects(BASE);
        Map<String, Object> production = kustomization(PRODUCTION);
        Deployment deployment = only(base, Deployment.class);
        Container leerlog =
                deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, String> podLabels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();

        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(list(production, "replicas"))
                .singleElement()
                .satisfies(
                        replicas -> assertThat((Integer) replicas.get("count")).isGreaterThanOrEqualTo(2));
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isNotEmpty();
        assertThat(podLabels)
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(deployment
                        .getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .as("no instance goes before its replacement is ready")
                .isZero();
        for (Probe probe :
                List.of(leerlog.getStartupProbe(), leerlog.getLivenessProbe(), leerlog.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(leerlog.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(leerlog.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(leerlog.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(leerlog.getResources().getLimits()).containsKey("memory");
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getSecurityContext()
                        .getRunAsNonRoot())
                .isTrue();
        assertThat(leerlog.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(list(production, "images"))
                .as("production pins the image")
                .singleElement()
                .satisfies(image -> {
                    assertThat(image.get("name")).isEqualTo(leerlog.getImage());
                    assertThat(image.get("newTag")).isNotNull().isNotEqualTo("latest");
                });

        PodDisruptionBudget budget = only(base, PodDisruptionBudget.class);
        assertThat(podLabels)
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isPositive();

        Service service = only(base, Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        assertThat(leerlog.getPorts())
                .anySatisfy(port -> assertThat(port.getName()).isEqualTo("http"));

        Ingress ingress = only(objects(PRODUCTION), Ingress.class);
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
        assertThat(ingress.getSpec().getRules())
                .flatMap(rule -> rule.getHttp().getPaths())
                .isNotEmpty()
                .allSatisfy(path -> {
                    assertThat(path.getBackend().getService().getName())
                            .isEqualTo(service.getMetadata().getName());
                    assertThat(path.getBackend().getService().getPort().getName())
                            .as("the ingress never forwards the management port")
                            .isEqualTo("http");
                });
    }

    @Test
    void theSecretsComeFromASecretAndTheSettingsFromTheGeneratedConfigMap() throws Exception {
        Container leerlog = only(objects(BASE), Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();

        assertThat(leerlog.getEnv())
                .filteredOn(variable -> List.of("LEERLOG_KEYS_ENCRYPTION_KEY", "LEERLOG_DATABASE_PASSWORD")
                        .contains(variable.getName()))
                .hasSize(2)
                .allSatisfy(variable ->
                        assertThat(variable.getValueFrom().getSecretKeyRef()).isNotNull());
        assertThat(leerlog.getEnvFrom())
                .singleElement()
                .satisfies(source -> assertThat(list(kustomization(BASE), "configMapGenerator"))
                        .extracting(generator -> generator.get("name"))
                        .containsExactly(source.getConfigMapRef().getName()));
    }

    @Test
    void everyEnvironmentVariableTheDeploymentsSetIsASettingLeerlogReads() throws Exception {
        Set<String> variables = new LinkedHashSet<>(kubernetesVariables());
        variables.addAll(composeVariables());
        variables.addAll(dockerfileVariables());

        List<Setting> settings = Settings.all();
        Set<String> placeholders = new LinkedHashSet<>(
                Settings.placeholderVariables("application.properties", "application-prod.properties"));

        assertThat(variables)
                .contains(
                        "LEERLOG_KEYS_ENCRYPTION_KEY",
                        "LTI_TOOLURL",
                        "MANAGEMENT_SERVER_PORT",
                        "LEERLOG_REGISTRATION_INITIALSTATUS");
        assertThat(variables)
                .filteredOn(variable -> !JVM_VARIABLES.contains(variable)
                        && !placeholders.contains(variable)
                        && settings.stream().noneMatch(setting -> names(setting, variable)))
                .as("environment variables that no setting of Leerlog or Spring Boot reads")
                .isEmpty();
    }

    private static boolean names(Setting setting, String variable) {
        String own = setting.environmentVariable();
        return own.equals(variable) || (setting.hasElements() && variable.startsWith(own + "_"));
    }

    /** The container's variables, the generated settings and what the overlay's patches add to them. */
    private static Set<String> kubernetesVariables() throws Exception {
        Set<String> variables = new LinkedHashSet<>();
        only(objects(BASE), Deployment.class).getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(container -> container.getEnv().stream())
                .map(EnvVar::getName)
                .forEach(variables::add);
        for (Map<String, Object> generator : list(kustomization(BASE), "configMapGenerator")) {
            for (Object literal : (List<?>) generator.get("literals")) {
                variables.add(((String) literal).split("=")[0]);
            }
        }
        for (Map<String, Object> patch : list(kustomization(PRODUCTION), "patches")) {
            if (patch.get("patch") instanceof String operations) {
                for (Object operation : (List<?>) new Yaml().load(operations)) {
                    String path = (String) ((Map<?, ?>) operation).get("path");
                    if (path.startsWith("/data/")) {
                        variables.add(path.substring("/data/".length()));
                    }
                }
            }
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> composeVariables() throws IOException {
        Map<String, Object> compose = yaml(COMPOSE);
        Set<String> variables = new LinkedHashSet<>();
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        services.forEach((name, service) -> {
            if (name.startsWith("leerlog")) {
                variables.addAll(((Map<String, Object>) ((Map<String, Object>) service).get("environment")).keySet());
            }
        });
        assertThat(variables).as("the Leerlog services of " + COMPOSE).isNotEmpty();
        return variables;
    }

    private static Set<String> dockerfileVariables() throws IOException {
        Set<String> variables = new LinkedHashSet<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("Dockerfile"))) {
            if (line.startsWith("ENV ")) {
                variables.add(line.substring(4).split("=")[0].strip());
            }
        }
        return variables;
    }

    /** The objects a kustomization lists as its own files and its patch files, read into the API's types. */
    private static List<HasMetadata> objects(Path directory) throws IOException {
        Map<String, Object> kustomization = kustomization(directory);
        List<String> files = new ArrayList<>();
        for (Object resource : (List<?>) kustomization.get("resources")) {
            if (Files.isRegularFile(directory.resolve((String) resource))) {
                files.add((String) resource);
            }
        }
        for (Map<String, Object> patch : list(kustomization, "patches")) {
            if (patch.get("path") instanceof String file) {
                files.add(file);
            }
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (String file : files) {
            Map<String, Object> object = yaml(directory.resolve(file));
            Class<? extends HasMetadata> type = KINDS.get((String) object.get("kind"));
            assertThat(type)
                    .as(file + " is of a kind these tests know: " + object.get("kind"))
                    .isNotNull();
            objects.add(KUBERNETES.convertValue(object, type));
        }
        return objects;
    }

    private static Map<String, Object> kustomization(Path directory) throws IOException {
        return yaml(directory.resolve("kustomization.yaml"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> kustomization, String field) {
        Object value = kustomization.get(field);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found =
                objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("one " + type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    /**
     * Fields the API types do not declare: the model keeps them aside as additional properties rather than refusing
     * them, so a misspelt {@code readinesProbe} would otherwise pass unnoticed.
     */
    private static List<String> unknownFields(Object value, String path) throws Exception {
        List<String> unknown = new ArrayList<>();
        if (value instanceof Collection<?> elements) {
            int i = 0;
            for (Object element : elements) {
                unknown.addAll(unknownFields(element, path + "[" + i++ + "]"));
            }
        } else if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                unknown.addAll(unknownFields(entry.getValue(), path + "." + entry.getKey()));
            }
        } else if (value instanceof KubernetesResource) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0
                        || !getter.getName().startsWith("get")
                        || getter.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) field).keySet().forEach(name -> unknown.add(path + "." + name));
                } else if (field != null) {
                    unknown.addAll(
                            unknownFields(field, path + "." + getter.getName().substring(3)));
                }
            }
        }
        return unknown;
    }
}
