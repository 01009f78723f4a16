using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// Scripted faults (SEMANTICS.md, "Faults"): FAKE_PULUMI_FAULTS names a JSON file holding a list of
/// {"command": "up", "kind": "throttle", "delayMs": 0}. Each run of a command takes and removes the first fault
/// listed for it, so "throttle then success" is one entry.
/// </summary>
internal static class Faults
{
    public static JsonObject? Take(string command)
    {
        var path = Environment.GetEnvironmentVariable("FAKE_PULUMI_FAULTS");
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        using (MachineLock.Take("fake-pulumi-faults"))
        {
            var faults = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
            var fault = faults.FirstOrDefault(f => (string?)f!["command"] == command);
            if (fault is null)
            {
                return null;
            }

            faults.Remove(fault);
            File.WriteAllText(path, faults.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return fault.AsObject();
        }
    }

    /// <summary>The AWS error a fault kind produces, as the provider prints it.</summary>
    public static string Diagnostic(string kind, string type, string name) => kind switch
    {
        "throttle" => $"creating {type} ({name}): operation error: https response error StatusCode: 400, RequestID: 8a1c0f1e-0000-4000-8000-000000000001, api error ThrottlingException: Rate exceeded",
        "capacity" => $"creating {type} ({name}): operation error RDS: CreateDBCluster, https response error StatusCode: 400, RequestID: 8a1c0f1e-0000-4000-8000-000000000002, api error InsufficientDBClusterCapacityFault: Cannot create a cluster because there is not enough capacity. Please try the request again at a later time.",
        "invalid" => $"creating {type} ({name}): operation error RDS: CreateDBInstance, https response error StatusCode: 400, RequestID: 8a1c0f1e-0000-4000-8000-000000000003, api error InvalidParameterCombination: RDS does not support creating a DB instance with the following combination: DBInstanceClass=db.t4g.medium, Engine=postgres, EngineVersion=16.4, LicenseModel=postgresql-license.",
        // Deliberately matches no failure pattern: a new AWS error code the table does not know yet (outcome Unknown).
        "unclassified" => $"creating {type} ({name}): operation error RDS: CreateDBCluster, https response error StatusCode: 400, RequestID: 8a1c0f1e-0000-4000-8000-000000000005, api error UnrecognizedServiceCondition: The service reported a condition this operator has no pattern for.",
        _ => throw new CliException($"unknown fault kind {kind}"),
    };
}
