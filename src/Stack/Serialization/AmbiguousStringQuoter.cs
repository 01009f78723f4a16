using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace DataPlatform.Stack.Serialization;

/// <summary>
/// Double-quotes strings that a YAML parser would not read back exactly from the style YamlDotNet picks: dates such
/// as the policy version 2012-10-17 (a YAML 1.1 timestamp) and the YAML 1.1 booleans, which another parser reads
/// as other types; and text with leading or trailing whitespace, line breaks or other control characters, which
/// plain and folded styles trim or fold (YamlDotNet writes a key ending in a tab plain). The double-quoted style
/// escapes every such character, so each string from the spec reads back byte for byte.
/// </summary>
internal sealed partial class AmbiguousStringQuoter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        ArgumentNullException.ThrowIfNull(eventInfo);
        if (eventInfo.Source.Type == typeof(string) && eventInfo.Source.Value is string text && (Ambiguous().IsMatch(text) || Fragile().IsMatch(text)))
        {
            eventInfo.Style = ScalarStyle.DoubleQuoted;
        }

        base.Emit(eventInfo, emitter);
    }

    [GeneratedRegex(@"^(\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Ambiguous();

    [GeneratedRegex(@"^\s|\s$|[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]")]
    private static partial Regex Fragile();
}
