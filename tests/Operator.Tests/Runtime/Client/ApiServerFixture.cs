using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Entities;
using k8s;

namespace DataPlatform.Operator.Tests.Runtime.Client;

/// <summary>A fresh fake API server and a real KubernetesClient pointed at it.</summary>
internal sealed class ApiServerFixture : IAsyncDisposable
{
    public static readonly ResourceType Environments = new(
        V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Version, V1Alpha1DataPlatformEnvironment.Plural,
        V1Alpha1DataPlatformEnvironment.KindName, StatusSubresource: true);

    private ApiServerFixture(FakeApiServer server, Kubernetes kubernetes)
    {
        Server = server;
        Kubernetes = kubernetes;
        Client = new Operator.Runtime.Client.KubernetesClient(kubernetes);
    }

    public FakeApiServer Server { get; }

    public Kubernetes Kubernetes { get; }

    public Operator.Runtime.Client.IKubernetesClient Client { get; }

    public static async Task<ApiServerFixture> StartAsync()
    {
        var server = new FakeApiServer([Environments]);
        await server.StartAsync();
        return new ApiServerFixture(server, new Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString() }));
    }

    public async ValueTask DisposeAsync()
    {
        Kubernetes.Dispose();
        await Server.DisposeAsync();
    }
}
