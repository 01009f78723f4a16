using System.Text;
using DataPlatform.Entities;
using DataPlatform.Operator.Controllers;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Tests.Runtime.Client;
using DataPlatform.Stack.Failures;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Controllers;

/// <summary>The connection Secret is written only when the environment owns the name (DESIGN.md section 8).</summary>
public sealed class ConnectionSecretWriterTests
{
    private static V1Alpha1DataPlatformEnvironment Environment(string uid = "uid-1") => new()
    {
        Metadata = new V1ObjectMeta { Name = "analytics", NamespaceProperty = "team", Uid = uid },
        Spec = { Region = "eu-west-1" },
    };

    private static V1Secret Secret(string data, params V1OwnerReference[] owners) => new()
    {
        Metadata = new V1ObjectMeta { Name = "analytics-connection", NamespaceProperty = "team", OwnerReferences = owners.Length == 0 ? null : owners },
        Data = new Dictionary<string, byte[]> { ["DATABASE_URL"] = Encoding.UTF8.GetBytes(data) },
    };

    private static V1OwnerReference Owner(string uid) => new()
    {
        ApiVersion = V1Alpha1DataPlatformEnvironment.ApiVersionString, Kind = V1Alpha1DataPlatformEnvironment.KindName, Name = "analytics", Uid = uid,
    };

    [Fact]
    public async Task A_free_name_is_created_and_an_owned_secret_is_updated_only_when_its_data_changes()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var writer = new ConnectionSecretWriter(api.Client);

        Assert.Null(await writer.CheckAsync(Environment(), CancellationToken.None));
        Assert.Null(await writer.WriteAsync(Environment(), Secret("one", Owner("uid-1")), CancellationToken.None));
        var created = await api.Kubernetes.CoreV1.ReadNamespacedSecretAsync("analytics-connection", "team");
        Assert.Null(await writer.WriteAsync(Environment(), Secret("one", Owner("uid-1")), CancellationToken.None));
        Assert.Equal(created.Metadata.ResourceVersion, (await api.Kubernetes.CoreV1.ReadNamespacedSecretAsync("analytics-connection", "team")).Metadata.ResourceVersion);
        Assert.Null(await writer.WriteAsync(Environment(), Secret("two", Owner("uid-1")), CancellationToken.None));

        Assert.Equal("two", Encoding.UTF8.GetString((await api.Kubernetes.CoreV1.ReadNamespacedSecretAsync("analytics-connection", "team")).Data["DATABASE_URL"]));
    }

    [Fact]
    public async Task A_secret_the_environment_does_not_own_is_a_terminal_conflict_and_stays_untouched()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var foreign = await api.Kubernetes.CoreV1.CreateNamespacedSecretAsync(Secret("theirs"), "team");
        var writer = new ConnectionSecretWriter(api.Client);

        var checkedFailure = await writer.CheckAsync(Environment(), CancellationToken.None);
        var writeFailure = await writer.WriteAsync(Environment(), Secret("ours", Owner("uid-1")), CancellationToken.None);

        Assert.Equal((FailureClass.ConnectionSecretConflict.Value, FailureOutcome.Terminal), (checkedFailure!.Class, checkedFailure.Outcome));
        Assert.Contains("team/analytics-connection", checkedFailure.Message, StringComparison.Ordinal);
        Assert.Equal(checkedFailure, writeFailure);
        var after = await api.Kubernetes.CoreV1.ReadNamespacedSecretAsync("analytics-connection", "team");
        Assert.Equal(foreign.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Equal("theirs", Encoding.UTF8.GetString(after.Data["DATABASE_URL"]));
    }

    [Fact]
    public async Task A_secret_of_an_earlier_environment_with_the_same_name_is_waited_for_not_adopted()
    {
        await using var api = await ApiServerFixture.StartAsync();
        await api.Kubernetes.CoreV1.CreateNamespacedSecretAsync(Secret("old", Owner("uid-0")), "team");

        var failure = await new ConnectionSecretWriter(api.Client).CheckAsync(Environment("uid-1"), CancellationToken.None);

        Assert.Equal((FailureClass.ConnectionSecretReleasing.Value, FailureOutcome.Transient), (failure!.Class, failure.Outcome));
    }
}
