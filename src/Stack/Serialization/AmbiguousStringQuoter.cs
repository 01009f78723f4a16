using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace DataPlatform.Stack.Serialization;

/// <summary>
/// Double-quotes strings that some YAML parser would read as another type even though YamlDotNet leaves them
/// plain: dates such as the policy version 2012-10-17 (a YAML 1.1 timestamp) and the YAML 1.1 booleans.
/// </summary>
internal sealed partial class AmbiguousStringQuoter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        ArgumentNullException.ThrowIfNull(eventInfo);
        if (eventInfo.Source.Type == typeof(string) && eventInfo.Source.Value is string text && Ambiguous().IsMatch(text))
        {
            eventInfo.Style = ScalarStyle.DoubleQuoted;
        }

        base.Emit(eventInfo, emitter);
    }

    [GeneratedRegex(@"^(\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Ambiguous();
}
