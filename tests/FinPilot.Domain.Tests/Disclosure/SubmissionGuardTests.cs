using FinPilot.Domain.Disclosure;

namespace FinPilot.Domain.Tests.Disclosure;

/// <summary>Each spam rule just inside and just outside its threshold.</summary>
public sealed class SubmissionGuardTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 9, 15, 0, 0, TimeSpan.FromHours(8));
    private static readonly SubmissionGuard Guard = new();

    private static SubmissionAttempt Attempt(
        string? honeypot = null, TimeSpan? formAge = null, IReadOnlyCollection<DateTimeOffset>? previous = null, string? text = "支持该项目。") =>
        new(honeypot, Now - (formAge ?? TimeSpan.FromMinutes(5)), previous ?? [], text);

    private static string[] Codes(SubmissionAttempt attempt, SubmissionGuard? guard = null) =>
        [.. (guard ?? Guard).Check(attempt, Now).Errors.Select(e => e.Code)];

    [Fact]
    public void An_ordinary_submission_passes()
    {
        Assert.True(Guard.Check(Attempt(), Now).Succeeded);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData(" ", false)]
    [InlineData("http://spam.example", false)]
    public void The_hidden_field_must_be_left_empty(string? honeypot, bool passes)
    {
        Assert.Equal(passes ? [] : [DisclosureErrors.HoneypotFilled], Codes(Attempt(honeypot)));
    }

    [Fact]
    public void A_form_sent_sooner_than_three_seconds_after_it_was_issued_is_too_soon()
    {
        Assert.Equal([DisclosureErrors.TooSoon], Codes(Attempt(formAge: TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1))));
        Assert.Empty(Codes(Attempt(formAge: TimeSpan.FromSeconds(3))));
        Assert.Equal([DisclosureErrors.TooSoon], Codes(Attempt(formAge: TimeSpan.FromSeconds(-30))));

        var error = Guard.Check(Attempt(formAge: TimeSpan.Zero), Now).Errors.Single();
        Assert.Null(error.Field);
        Assert.Equal(3, error.Arguments.Single());
    }

    [Fact]
    public void A_form_older_than_two_hours_has_expired()
    {
        Assert.Empty(Codes(Attempt(formAge: TimeSpan.FromHours(2))));
        Assert.Equal([DisclosureErrors.FormExpired], Codes(Attempt(formAge: TimeSpan.FromHours(2) + TimeSpan.FromTicks(1))));
        Assert.Equal(120, Guard.Check(Attempt(formAge: TimeSpan.FromHours(3)), Now).Errors.Single().Arguments.Single());
    }

    [Fact]
    public void The_fifth_submission_in_ten_minutes_passes_and_the_sixth_is_refused_until_the_oldest_leaves_the_window()
    {
        var four = Minutes(1, 2, 3, 4);
        var five = Minutes(1, 2, 3, 4, 9);

        Assert.Empty(Codes(Attempt(previous: four)));
        var error = Guard.Check(Attempt(previous: five), Now).Errors.Single();

        Assert.Equal(DisclosureErrors.RateLimited, error.Code);
        Assert.Equal(new object[] { 5, 10, Now.AddMinutes(1) }, error.Arguments);
        Assert.DoesNotContain(Guard.Check(Attempt(previous: five), Now.AddMinutes(1)).Errors, e => e.Code == DisclosureErrors.RateLimited);
    }

    [Fact]
    public void A_submission_exactly_ten_minutes_old_has_left_the_window()
    {
        Assert.Empty(Codes(Attempt(previous: Minutes(1, 2, 3, 4, 10))));
        Assert.Equal([DisclosureErrors.RateLimited], Codes(Attempt(previous: Minutes(1, 2, 3, 4, 10).Append(Now.AddMinutes(-9.99)).ToArray())));
    }

    [Fact]
    public void The_twentieth_submission_in_a_day_passes_and_the_twenty_first_is_refused()
    {
        // An hour apart, so the ten-minute window never trips.
        var nineteen = Hours(Enumerable.Range(1, 19));
        var twenty = Hours(Enumerable.Range(1, 19).Append(23));

        Assert.Empty(Codes(Attempt(previous: nineteen)));
        var error = Guard.Check(Attempt(previous: twenty), Now).Errors.Single();

        Assert.Equal(DisclosureErrors.RateLimited, error.Code);
        Assert.Equal(new object[] { 20, 1440, Now.AddHours(1) }, error.Arguments);
        Assert.Empty(Codes(Attempt(previous: Hours(Enumerable.Range(1, 19).Append(24)))));
    }

    [Fact]
    public void When_both_windows_are_full_the_later_retry_is_reported()
    {
        var dayFreesLast = Hours(Enumerable.Range(5, 14).Append(23)).Concat(Minutes(1, 2, 3, 4, 5)).ToArray();
        var tenMinutesFreeLast = Hours(Enumerable.Range(5, 14)).Concat(Minutes((24 * 60) - 2, 1, 2, 3, 4, 5)).ToArray();

        Assert.Equal(new object[] { 20, 1440, Now.AddHours(1) }, Guard.Check(Attempt(previous: dayFreesLast), Now).Errors.Single().Arguments);
        Assert.Equal(new object[] { 5, 10, Now.AddMinutes(5) }, Guard.Check(Attempt(previous: tenMinutesFreeLast), Now).Errors.Single().Arguments);
    }

    [Fact]
    public void Three_links_pass_and_a_fourth_is_refused()
    {
        const string three = "见 https://a.example/1 、http://b.example 和 www.c.example 的报道";

        Assert.Equal(3, SubmissionGuard.CountLinks(three));
        Assert.Equal(1, SubmissionGuard.CountLinks("HTTPS://WWW.EXAMPLE.COM/x"));
        Assert.Empty(Codes(Attempt(text: three)));
        var error = Guard.Check(Attempt(text: three + " https://d.example"), Now).Errors.Single();
        Assert.Equal((DisclosureErrors.TooManyLinks, "Text"), (error.Code, error.Field));
        Assert.Equal(3, error.Arguments.Single());
    }

    [Fact]
    public void Every_rule_that_fails_is_reported()
    {
        var attempt = Attempt("bot", TimeSpan.FromSeconds(1), Minutes(1, 2, 3, 4, 5), "http://a http://b http://c http://d");

        Assert.Equal(
            [DisclosureErrors.HoneypotFilled, DisclosureErrors.TooSoon, DisclosureErrors.RateLimited, DisclosureErrors.TooManyLinks],
            Codes(attempt));
    }

    [Fact]
    public void The_limits_are_configurable()
    {
        var strict = new SubmissionGuard(new SubmissionLimits
        {
            MinFormAge = TimeSpan.FromSeconds(10),
            MaxPerShortWindow = 1,
            MaxLinks = 0,
        });

        Assert.Equal(
            [DisclosureErrors.TooSoon, DisclosureErrors.RateLimited, DisclosureErrors.TooManyLinks],
            Codes(Attempt(formAge: TimeSpan.FromSeconds(9), previous: Minutes(9), text: "www.example.com"), strict));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubmissionGuard(new SubmissionLimits { MaxPerLongWindow = 0 }));
    }

    private static DateTimeOffset[] Minutes(params double[] ago) => [.. ago.Select(m => Now.AddMinutes(-m))];

    private static DateTimeOffset[] Hours(IEnumerable<int> ago) => [.. ago.Select(h => Now.AddHours(-h))];
}
