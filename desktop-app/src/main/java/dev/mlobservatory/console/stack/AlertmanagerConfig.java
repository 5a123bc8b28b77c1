package dev.mlobservatory.console.stack;

/**
 * Fills Alertmanager's configuration (stack/alertmanager/alertmanager.yml) for Local mode: the webhook that compose's
 * Alertmanager posts to on the host becomes the console's receiver on loopback, or goes away when there is none.
 * Routes, timings and inhibitions stay those of the compose stack, so both modes notify alike.
 */
public final class AlertmanagerConfig {

    /** The compose stack's webhook: the console's receiver as the container sees it. */
    static final String DOCKER_WEBHOOK = "http://host.docker.internal:9466" + ReceiverEndpoint.WEBHOOK_PATH;
    /** The template's receivers come last: without a receiver, everything from here on is cut. */
    static final String WEBHOOKS = "\n    webhook_configs:";

    private AlertmanagerConfig() {
    }

    /**
     * @param webhookUrl where notifications go (e.g. {@code http://127.0.0.1:41234/webhook}); null leaves the
     *                   receiver {@code console} with no webhook, so Alertmanager still groups, inhibits and silences
     */
    public static String fill(String template, String webhookUrl) {
        for (String marker : new String[] {DOCKER_WEBHOOK, WEBHOOKS}) {
            if (!template.contains(marker)) {
                throw new IllegalArgumentException("the Alertmanager template no longer contains " + marker.strip()
                        + "; AlertmanagerConfig and alertmanager.yml must change together");
            }
        }
        return webhookUrl == null ? template.substring(0, template.indexOf(WEBHOOKS) + 1)
                : template.replace(DOCKER_WEBHOOK, webhookUrl);
    }
}
