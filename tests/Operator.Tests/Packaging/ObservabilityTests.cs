using System.Text.Json.Nodes;
using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Packaging;

/// <summary>
/// The alert rules and the Grafana dashboard the chart ships: well-formed, covering what a platform team must be
/// paged for, rendered by the chart as shipped. That each metric they name exists in the operator's /metrics is
/// checked against the running operator in EndToEnd.Tests (DeploymentTests).
/// </summary>
public sealed class ObservabilityTests
{
    public static IEnumerable<JsonObject> Rules() =>
        YamlJson.ParseAll(File.ReadAllText(RepoPaths.InRepo("charts", "dataplatform-operator", "files", "prometheus-rules.yaml"))).Single()!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!.AsObject());

    public static IEnumerable<string> DashboardQueries() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("charts", "dataplatform-operator", "files", "grafana-dashboard.json")))!["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string)t!["expr"]!);

    [Fact]
    public void Alert_rules_are_complete_and_cover_what_must_page()
    {
        var rules = Rules().ToList();

        Assert.Equal(rules.Count, rules.Select(r => (string?)r["alert"]).Distinct().Count());
        foreach (var rule in rules)
        {
            var name = (string?)rule["alert"];
            var expr = (string?)rule["expr"] ?? "";
            Assert.True(PromQl.Balanced(expr), $"{name}: unbalanced expression");
            Assert.NotEmpty(PromQl.MetricNames(expr));
            Assert.Matches("^[0-9]+[smh]$", (string?)rule["for"] ?? "");
            Assert.Contains((string?)rule["labels"]?["severity"], new[] { "warning", "critical" });
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["annotations"]?["summary"]), $"{name}: no summary");
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["annotations"]?["description"]), $"{name}: no description");
        }

        string[] required = ["DataPlatformEnvironmentStalled", "DataPlatformReconcileRetriesPilingUp", "DataPlatformEngineRunsFailing", "DataPlatformOperatorNoLeader", "DataPlatformWebhookErrors"];
        Assert.Empty(required.Except(rules.Select(r => (string)r["alert"]!)));
        Assert.Contains("dataplatform_environment_conditions", PromQl.MetricNames((string)rules.Single(r => (string?)r["alert"] == "DataPlatformEnvironmentStalled")["expr"]!));
        Assert.Contains("leader_election_master_status", PromQl.MetricNames((string)rules.Single(r => (string?)r["alert"] == "DataPlatformOperatorNoLeader")["expr"]!));
    }

    [Fact]
    public void Metric_names_are_found_in_expressions_but_functions_labels_and_ranges_are_not()
    {
        var names = PromQl.MetricNames(
            "histogram_quantile(0.95, sum by (le, operation) (rate(x_bucket{namespace=~\"$namespace\",a=\"b{c}\"}[5m]))) / on (ns) y_total > bool 1 or absent(z)");

        Assert.Equal(["x_bucket", "y_total", "z"], names);
        Assert.False(PromQl.Balanced("sum(rate(x[5m])"));
    }

    [Fact]
    public void The_dashboard_is_valid_grafana_json_on_a_selectable_datasource()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("charts", "dataplatform-operator", "files", "grafana-dashboard.json")))!;
        var panels = dashboard["panels"]!.AsArray();

        Assert.Equal("dataplatform-operator", (string?)dashboard["uid"]);
        Assert.True((int)dashboard["schemaVersion"]! >= 36);
        Assert.Contains(dashboard["templating"]!["list"]!.AsArray(), v => (string?)v!["type"] == "datasource");
        Assert.Equal(panels.Count, panels.Select(p => (int)p!["id"]!).Distinct().Count());
        foreach (var panel in panels)
        {
            Assert.Equal("${datasource}", (string?)panel!["datasource"]!["uid"]);
            Assert.NotEmpty(panel["targets"]!.AsArray());
        }

        Assert.All(DashboardQueries(), q => Assert.True(PromQl.Balanced(q) && PromQl.MetricNames(q).Count > 0, q));
    }

    [Fact]
    public async Task The_chart_ships_the_rules_and_the_dashboard_unchanged_when_asked()
    {
        var documents = await Rendered.HelmAsync("metrics.prometheusRule.enabled=true", "metrics.dashboard.enabled=true", "--api-versions monitoring.coreos.com/v1");
        var rule = documents.Single(d => (string?)d["kind"] == "PrometheusRule");
        var dashboard = documents.Single(d => (string?)d["kind"] == "ConfigMap" && d["metadata"]!["labels"]!["grafana_dashboard"] is not null);

        Assert.Equal(Rules().Count(), rule["spec"]!["groups"]!.AsArray().Sum(g => g!["rules"]!.AsArray().Count));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("charts", "dataplatform-operator", "files", "grafana-dashboard.json"))),
            JsonNode.Parse((string)dashboard["data"]!["dataplatform-operator.json"]!)));
        Assert.DoesNotContain(await Rendered.HelmAsync(), d => (string?)d["kind"] is "PrometheusRule" or "ConfigMap");
    }
}
