using System.Globalization;
using System.Text.RegularExpressions;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Notifications;

/// <summary>The keys callers put into a notification's values; each kind's templates use some of them.</summary>
public static class NotificationValues
{
    /// <summary>Title of the thing the message is about: the project (application), or the call for <see cref="NotificationKind.CallPublished"/>.</summary>
    public const string Title = "title";

    /// <summary>Title of the call for projects an application answers.</summary>
    public const string Call = "call";

    /// <summary>Name of the region.</summary>
    public const string Region = "region";

    /// <summary>A due date, already formatted (yyyy-MM-dd, Beijing time).</summary>
    public const string Due = "due";

    /// <summary>What an obligation asks for, named in the recipient's language (e.g. 定期报告 2026-03).</summary>
    public const string Duty = "duty";

    /// <summary>The name of the risk rule that raised an alert, in the recipient's language.</summary>
    public const string Rule = "rule";

    /// <summary>What a risk rule saw, in one sentence of the recipient's language.</summary>
    public const string Detail = "detail";

    /// <summary>The title of an incident (事件报告).</summary>
    public const string Incident = "incident";

    /// <summary>An incident's severity, named in the recipient's language (e.g. II级（重大）).</summary>
    public const string Severity = "severity";

    /// <summary>What the working group did with an incident, named in the recipient's language.</summary>
    public const string Action = "action";

    /// <summary>Why the working group asks (its own words, as written).</summary>
    public const string Reason = "reason";

    /// <summary>A disposal case's level, named in the recipient's language (e.g. III级（较大）).</summary>
    public const string Level = "level";

    /// <summary>The title of a public notice, where the message is about a project on it.</summary>
    public const string Notice = "notice";

    /// <summary>How an objection was resolved, named in the reader's language (with its English form in <c>outcomeEn</c>).</summary>
    public const string Outcome = "outcome";

    /// <summary>The working group's answer to a comment or objection (its own words, as written).</summary>
    public const string Answer = "answer";

    /// <summary>A scenario's business area, named in the reader's language (with its English form in <c>areaEn</c>).</summary>
    public const string Area = "area";

    /// <summary>The title of a solution offered in answer to a scenario.</summary>
    public const string Solution = "solution";
}

/// <summary>A notification as a person reads it.</summary>
public sealed record NotificationText(string Subject, string Body);

/// <summary>
/// Makes a notification's subject and body from the resource templates
/// <c>Notification_{Kind}_Subject</c> and <c>Notification_{Kind}_Body</c> in
/// <see cref="NotificationsStrings"/>, in the reader's language.
/// </summary>
/// <remarks>
/// Templates use named placeholders, <c>{title}</c>, filled from the stored values
/// (<see cref="NotificationValues"/>), so a translator can reorder them freely and a caller
/// cannot shift them by passing values in another order. A placeholder without a value stays as
/// it is, visible, so an omission is noticed rather than silently producing a shorter sentence.
/// Values are inserted as given; pages encode them when rendering, mail is plain text.
/// </remarks>
public static partial class NotificationTexts
{
    /// <summary>The suffix of a value's English form: <c>regionEn</c> is what <c>{region}</c> reads in English.</summary>
    public const string EnglishSuffix = "En";

    public static string SubjectKey(NotificationKind kind) => $"Notification_{kind}_Subject";

    public static string BodyKey(NotificationKind kind) => $"Notification_{kind}_Body";

    public static NotificationText Render(Notification notification, CultureInfo culture) =>
        Render(notification.Kind, notification.Values, culture);

    public static NotificationText Render(NotificationKind kind, IReadOnlyDictionary<string, string> values, CultureInfo culture)
    {
        var subject = NotificationsStrings.ResourceManager.GetString(SubjectKey(kind), culture);
        var body = NotificationsStrings.ResourceManager.GetString(BodyKey(kind), culture);

        // A name stored in both languages (a region, an organisation) is read in the reader's: "{region}" takes "regionEn" in English.
        if (culture.Name.StartsWith("en", StringComparison.Ordinal))
        {
            values = values.ToDictionary(v => v.Key, v => values.TryGetValue(v.Key + EnglishSuffix, out var english) && !string.IsNullOrWhiteSpace(english) ? english : v.Value);
        }

        // A kind added without templates still tells the reader something true.
        return new NotificationText(Fill(subject ?? kind.ToString(), values), Fill(body ?? string.Empty, values));
    }

    /// <summary>The placeholder names a template uses, e.g. for checking that callers supply them.</summary>
    public static IReadOnlyList<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().ToList();

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>The reader's culture for mail: their preference if it is one the platform speaks, else Chinese.</summary>
    public static CultureInfo CultureFor(string? preferred) =>
        preferred is not null && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? CultureInfo.GetCultureInfo("en")
            : CultureInfo.GetCultureInfo("zh-CN");

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
