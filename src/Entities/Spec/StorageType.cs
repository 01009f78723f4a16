using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>RDS storage type.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StorageType>))]
public enum StorageType
{
    /// <summary>General purpose SSD, baseline 3000 IOPS.</summary>
    [JsonStringEnumMemberName("gp3")]
    Gp3,

    /// <summary>General purpose SSD, previous generation.</summary>
    [JsonStringEnumMemberName("gp2")]
    Gp2,

    /// <summary>Provisioned IOPS SSD.</summary>
    [JsonStringEnumMemberName("io1")]
    Io1,

    /// <summary>Provisioned IOPS SSD, block express.</summary>
    [JsonStringEnumMemberName("io2")]
    Io2,
}
