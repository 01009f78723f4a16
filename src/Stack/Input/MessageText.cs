using System.Globalization;
using System.Text;

namespace DataPlatform.Stack.Input;

/// <summary>
/// Puts user text into one-line messages safely: control and invisible characters escaped (\n, \t, \u001b ...),
/// long values cut with the number of characters left out, so a hostile value cannot forge lines or flood a log.
/// </summary>
public static class MessageText
{
    public const int MaxValueLength = 80;

    /// <summary>The value in single quotes, escaped and cut.</summary>
    public static string Quote(string? value, int maxLength = MaxValueLength) => "'" + Escape(value, maxLength) + "'";

    public static string Escape(string? value, int maxLength = MaxValueLength)
    {
        if (value is null)
        {
            return "";
        }

        var text = new StringBuilder();
        var i = 0;
        for (; i < value.Length && text.Length < maxLength; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                default:
                    var category = char.GetUnicodeCategory(c);
                    if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                        or UnicodeCategory.OtherNotAssigned)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        if (i < value.Length)
        {
            text.Append(CultureInfo.InvariantCulture, $"... ({value.Length - i} more characters)");
        }

        return text.ToString();
    }
}
