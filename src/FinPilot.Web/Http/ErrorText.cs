using System.Globalization;
using FinPilot.Domain.Common;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Http;

/// <summary>Turns a domain <see cref="Error"/> into a sentence in the current UI language.</summary>
public static class ErrorText
{
    public static string Describe(Error error)
    {
        // Identity's describer has already put its messages into the user's language.
        if (error.Code.Value.StartsWith("Identity.", StringComparison.Ordinal) && error.Arguments is [string described])
        {
            return described;
        }

        var key = "Error_" + error.Code.Value.Replace('.', '_').Replace('-', '_');
        var template = Strings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture)
            ?? CallStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture)
            ?? NotificationStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture)
            ?? EvaluationStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture)
            ?? DeliberationStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture)
            ?? LedgerStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture);
        if (template is null)
        {
            // A missing translation must still say something true; the code is stable and searchable.
            return error.Code;
        }

        return error.Arguments.Length == 0 ? template : string.Format(CultureInfo.CurrentUICulture, template, error.Arguments);
    }

    /// <summary>Groups messages by field for forms and for the <c>errors</c> member of a problem.</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<Error> errors) =>
        errors.GroupBy(e => e.Field ?? string.Empty)
            .ToDictionary(g => g.Key, g => g.Select(Describe).ToArray());
}
