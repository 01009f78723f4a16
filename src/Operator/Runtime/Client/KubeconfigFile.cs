using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DataPlatform.Operator.Runtime.Client;

/// <summary>
/// Reads a kubeconfig file into the client's configuration without <c>KubernetesYaml</c>: that class's static
/// initialiser maps every property of every model type of KubernetesClient for three YAML (de)serialisers (about
/// 1,000 types), which stays in the operator's memory for its whole life although the operator never reads
/// Kubernetes objects as YAML (BENCHMARKS.md, "Memory of the operator as it ships"). The kubeconfig models carry
/// their own YAML names, so a plain deserialiser with the client's naming convention reads them; relative
/// certificate paths resolve against the file's folder, as KubernetesClient's own loader does.
/// </summary>
internal static class KubeconfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static KubernetesClientConfiguration Load(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new KubeConfigException($"kubeconfig file not found at {file.FullName}");
        }

        K8SConfiguration? config;
        try
        {
            using var reader = file.OpenText();
            config = Deserializer.Deserialize<K8SConfiguration?>(reader);
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"kubeconfig {file.FullName} is not valid YAML: {e.Message}", e);
        }

        if (config is null)
        {
            throw new KubeConfigException($"kubeconfig {file.FullName} is empty");
        }

        config.FileName = file.FullName;
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(config);
    }
}
