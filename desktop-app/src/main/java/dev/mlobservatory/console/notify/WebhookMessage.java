package dev.mlobservatory.console.notify;

import java.util.List;
import java.util.Map;

/**
 * One notification as Alertmanager's webhook receiver posts it (payload version 4): a group of alerts that share
 * the route's group_by labels, sent after group_wait, again after group_interval when the group changed, and every
 * repeat_interval while it fires.
 *
 * @param version           always "4"
 * @param groupKey          identifies the group, stable across its notifications
 * @param truncatedAlerts   how many alerts were left out by the receiver's max_alerts
 * @param status            firing when at least one alert fires, else resolved
 * @param receiver          the receiver's name in alertmanager.yml
 * @param groupLabels       the labels the route groups by
 * @param commonLabels      the labels every alert of the group has
 * @param commonAnnotations the annotations every alert of the group has
 * @param externalUrl       Alertmanager's own address; empty when none
 * @param alerts            at least one
 */
public record WebhookMessage(String version, String groupKey, int truncatedAlerts, AlertStatus status,
                             String receiver, Map<String, String> groupLabels, Map<String, String> commonLabels,
                             Map<String, String> commonAnnotations, String externalUrl, List<WebhookAlert> alerts) {

    /** The only payload version Alertmanager has sent since 0.9, and the one this reads. */
    public static final String VERSION = "4";

    public WebhookMessage {
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException("version must be \"" + VERSION + "\", got "
                    + (version == null ? "nothing" : "\"" + version + "\""));
        }
        if (groupKey == null || groupKey.isEmpty()) {
            throw new IllegalArgumentException("groupKey is missing");
        }
        if (truncatedAlerts < 0) {
            throw new IllegalArgumentException("truncatedAlerts must be 0 or more, got " + truncatedAlerts);
        }
        if (status == null) {
            throw new IllegalArgumentException("status is missing");
        }
        if (receiver == null) {
            throw new IllegalArgumentException("receiver is missing");
        }
        if (alerts == null || alerts.isEmpty()) {
            throw new IllegalArgumentException("alerts is missing or empty: a notification carries at least one alert");
        }
        groupLabels = WebhookAlert.sorted(groupLabels == null ? Map.of() : groupLabels);
        commonLabels = WebhookAlert.sorted(commonLabels == null ? Map.of() : commonLabels);
        commonAnnotations = WebhookAlert.sorted(commonAnnotations == null ? Map.of() : commonAnnotations);
        externalUrl = externalUrl == null ? "" : externalUrl;
        alerts = List.copyOf(alerts);
    }

    /** The group's alert name: from the group labels, else the common labels, else the first alert's. */
    public String alertName() {
        String name = groupLabels.get("alertname");
        if (name == null) {
            name = commonLabels.get("alertname");
        }
        return name != null ? name : alerts.get(0).alertName();
    }
}
