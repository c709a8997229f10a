using System.Text.RegularExpressions;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Disclosure;

/// <summary>
/// Limits of <see cref="SubmissionGuard"/>; the defaults suit a public notice, and a deployment may
/// set others from configuration.
/// </summary>
public sealed record SubmissionLimits
{
    public static SubmissionLimits Default { get; } = new();

    /// <summary>The form must have been on screen at least this long; a script posts at once.</summary>
    public TimeSpan MinFormAge { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A form older than this is stale (and its token could have been harvested); the visitor reloads it.</summary>
    public TimeSpan MaxFormAge { get; init; } = TimeSpan.FromHours(2);

    /// <summary>At most this many submissions from one client key within <see cref="ShortWindow"/>, this one included.</summary>
    public int MaxPerShortWindow { get; init; } = 5;

    public TimeSpan ShortWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many within <see cref="LongWindow"/>, this one included.</summary>
    public int MaxPerLongWindow { get; init; } = 20;

    /// <summary>A rolling day rather than the calendar day, so there is no midnight to wait for.</summary>
    public TimeSpan LongWindow { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Text with more links than this is refused: spam is mostly links.</summary>
    public int MaxLinks { get; init; } = 3;
}

/// <summary>
/// One submission as the guard sees it. <paramref name="Honeypot"/> is the value of a field hidden
/// from people; <paramref name="FormIssuedAt"/> is the instant inside the form's signed token, which
/// the edge has verified; <paramref name="PreviousSubmissions"/> are the instants of earlier
/// accepted submissions from the same client key (for example a hash of the address), however
/// many the caller kept.
/// </summary>
public sealed record SubmissionAttempt(
    string? Honeypot,
    DateTimeOffset FormIssuedAt,
    IReadOnlyCollection<DateTimeOffset> PreviousSubmissions,
    string? Text);

/// <summary>
/// Spam protection for the public forms without third-party services: pure rules, every failing
/// one reported, so the edge can log what tripped and show a message.
/// </summary>
/// <remarks>
/// The rules and their codes:
/// <list type="bullet">
/// <item><c>Disclosure.HoneypotFilled</c> (no field): the hidden field holds anything at all, even a space.</item>
/// <item><c>Disclosure.TooSoon</c> (no field; minimum seconds): the form is younger than
/// <see cref="SubmissionLimits.MinFormAge"/> (exactly the minimum passes), or issued in the future.</item>
/// <item><c>Disclosure.FormExpired</c> (no field; maximum minutes): older than
/// <see cref="SubmissionLimits.MaxFormAge"/> (exactly the maximum passes).</item>
/// <item><c>Disclosure.RateLimited</c> (no field; maximum, window minutes, the instant from which a
/// retry passes): this submission would be one more than allowed in a window. A window is the span
/// of that length ending now; an earlier submission exactly a window old has left it.
/// Reported once, for the window that frees up last.</item>
/// <item><c>Disclosure.TooManyLinks</c> (field Text; maximum): more than
/// <see cref="SubmissionLimits.MaxLinks"/> links, counting http://, https:// and www. addresses
/// (a bare domain such as example.com is not counted).</item>
/// </list>
/// </remarks>
public sealed partial class SubmissionGuard(SubmissionLimits limits)
{
    public SubmissionGuard()
        : this(SubmissionLimits.Default)
    {
    }

    public SubmissionLimits Limits { get; } = Checked(limits);

    public Result Check(SubmissionAttempt attempt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var errors = new List<Error>();
        if (!string.IsNullOrEmpty(attempt.Honeypot))
        {
            errors.Add(new Error(DisclosureErrors.HoneypotFilled));
        }

        var age = now - attempt.FormIssuedAt;
        if (age < Limits.MinFormAge)
        {
            errors.Add(new Error(DisclosureErrors.TooSoon, null, (int)Math.Ceiling(Limits.MinFormAge.TotalSeconds)));
        }
        else if (age > Limits.MaxFormAge)
        {
            errors.Add(new Error(DisclosureErrors.FormExpired, null, (int)Limits.MaxFormAge.TotalMinutes));
        }

        var previous = attempt.PreviousSubmissions ?? [];
        var limited = new[] { (Limits.MaxPerShortWindow, Limits.ShortWindow), (Limits.MaxPerLongWindow, Limits.LongWindow) }
            .Select(w => (Max: w.Item1, Window: w.Item2, RetryAt: RetryAt(previous, now, w.Item1, w.Item2)))
            .Where(w => w.RetryAt is not null)
            .OrderByDescending(w => w.RetryAt)
            .FirstOrDefault();
        if (limited.RetryAt is { } retryAt)
        {
            errors.Add(new Error(DisclosureErrors.RateLimited, null, limited.Max, (int)limited.Window.TotalMinutes, retryAt));
        }

        if (CountLinks(attempt.Text) > Limits.MaxLinks)
        {
            errors.Add(new Error(DisclosureErrors.TooManyLinks, "Text", Limits.MaxLinks));
        }

        return errors.Count == 0 ? Result.Ok() : Result.Fail(errors);
    }

    /// <summary>How many links the text holds, counted as <see cref="Check"/> counts them.</summary>
    public static int CountLinks(string? text) => string.IsNullOrEmpty(text) ? 0 : Link().Count(text);

    private static SubmissionLimits Checked(SubmissionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MinFormAge, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxFormAge, limits.MinFormAge);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxPerShortWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxPerLongWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limits.ShortWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limits.LongWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxLinks);
        return limits;
    }

    // Null when this submission fits in the window; otherwise the instant from which enough earlier
    // ones have left the window for one more to fit.
    private static DateTimeOffset? RetryAt(IReadOnlyCollection<DateTimeOffset> previous, DateTimeOffset now, int max, TimeSpan window)
    {
        var inWindow = previous.Where(p => now - p < window).OrderDescending().ToArray();
        if (inWindow.Length < max)
        {
            return null;
        }

        // With max - 1 newest kept, one more fits once the max-th newest has left the window.
        return inWindow[max - 1] + window;
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
