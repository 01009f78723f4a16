using k8s;

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
        : KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath));
}
