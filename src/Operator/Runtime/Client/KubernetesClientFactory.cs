using k8s;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataPlatform.Operator.Runtime.Client;

/// <summary>
/// The one place an <see cref="IKubernetes"/> is built: from the kubeconfig file named by the <c>kubeconfig</c>
/// setting (<c>run --kubeconfig PATH</c>), else KubernetesClient's default (KUBECONFIG, ~/.kube/config, or the
/// in-cluster service account).
/// </summary>
public static class KubernetesClientFactory
{
    public const string KubeconfigSetting = "kubeconfig";

    public static IKubernetes Create(string? kubeconfigPath) => new Kubernetes(string.IsNullOrEmpty(kubeconfigPath)
        ? KubernetesClientConfiguration.BuildDefaultConfig()
        : KubeconfigFile.Load(kubeconfigPath));

    /// <summary>Registers the <see cref="IKubernetes"/> built here and the <see cref="IKubernetesClient"/> over it (TryAdd, so tests can replace either).</summary>
    internal static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => Create(configuration[KubeconfigSetting]));
        services.TryAddSingleton<IKubernetesClient>(provider => new KubernetesClient(provider.GetRequiredService<IKubernetes>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEngineJobClient>(provider => new EngineJobClient(provider.GetRequiredService<IKubernetes>()));
    }
}
