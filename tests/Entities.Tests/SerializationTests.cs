using System.Text.Json;
using DataPlatform.Entities.Spec;
using DataPlatform.Entities.Status;
using k8s;
using k8s.Models;

namespace DataPlatform.Entities.Tests;

public sealed class SerializationTests
{
    [Fact]
    public void Enums_use_the_api_values_with_the_kubernetes_client_serializer()
    {
        var entity = new V1Alpha1DataPlatformEnvironment();
        entity.Spec.Database.Engine = DatabaseEngine.Postgres;
        entity.Spec.Pipeline.Build.ComputeType = BuildComputeType.BuildGeneral1Medium;

        var json = KubernetesJson.Serialize(entity);

        Assert.Contains("\"engine\":\"postgres\"", json, StringComparison.Ordinal);
        Assert.Contains("\"computeType\":\"BUILD_GENERAL1_MEDIUM\"", json, StringComparison.Ordinal);
        Assert.Contains("\"logExports\":[\"postgresql\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"apiVersion\":\"dataplatform.io/v1alpha1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_round_trips_through_the_kubernetes_client_serializer()
    {
        var entity = new V1Alpha1DataPlatformEnvironment
        {
            Status = new DataPlatformEnvironmentStatus
            {
                ObservedGeneration = 3,
                Phase = EnvironmentPhase.Ready,
                Conditions =
                [
                    new Condition
                    {
                        Type = Condition.Ready,
                        Status = ConditionStatus.True,
                        ObservedGeneration = 3,
                        Reason = "Succeeded",
                        Message = "The stack is up to date.",
                        LastTransitionTime = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
                    },
                ],
                Endpoints = new Endpoints { DatabaseWriter = "db.example", DatabasePort = 5432 },
            },
        };

        var back = KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(KubernetesJson.Serialize(entity));

        Assert.Equal(EnvironmentPhase.Ready, back.Status!.Phase);
        var ready = Assert.Single(back.Status.Conditions);
        Assert.Equal(ConditionStatus.True, ready.Status);
        Assert.Equal(entity.Status.Conditions[0].LastTransitionTime, ready.LastTransitionTime);
        Assert.Equal(5432, back.Status.Endpoints!.DatabasePort);
    }

    [Fact]
    public void Unknown_enum_value_is_an_error_not_a_silent_default()
    {
        Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize<DatabaseSpec>("{\"engine\":\"mysql\"}"));
    }

    [Fact]
    public void Entity_carries_its_kubernetes_identity()
    {
        var attribute = (KubernetesEntityAttribute)Attribute.GetCustomAttribute(typeof(V1Alpha1DataPlatformEnvironment), typeof(KubernetesEntityAttribute))!;

        Assert.Equal("dataplatform.io", attribute.Group);
        Assert.Equal("v1alpha1", attribute.ApiVersion);
        Assert.Equal("DataPlatformEnvironment", attribute.Kind);
        Assert.Equal("dataplatformenvironments", attribute.PluralName);
    }
}
