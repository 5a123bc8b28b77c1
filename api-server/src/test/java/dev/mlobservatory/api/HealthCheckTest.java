package dev.mlobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthCheckTest {

    @Test
    void healthyWhileTheServerRunsUnhealthyAfter() {
        String url;
        try (TestApi api = new TestApi()) {
            url = api.server.baseUrl() + "/health";
            assertThat(HealthCheck.check(url)).isTrue();
            assertThat(HealthCheck.check(api.server.baseUrl() + "/nope")).isFalse();
        }
        assertThat(HealthCheck.check(url)).isFalse();
    }
}
