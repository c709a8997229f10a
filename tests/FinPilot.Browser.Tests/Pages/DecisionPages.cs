using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

/// <summary>The coordination group's meeting pages.</summary>
public sealed class MeetingPages(IPage page)
{
    public async Task ScheduleAsync(string title)
    {
        await page.GotoAsync("/deliberation");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("[data-testid=schedule]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/deliberation/", StringComparison.Ordinal));
    }

    public async Task AddItemAsync(string view)
    {
        await page.Locator("#wg-view").FillAsync(view);
        await page.Locator("[data-testid=add-item]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public Task ConveneAsync() => page.Locator("[data-testid=convene]").ClickAsync();

    /// <summary>Approves every project of the item in one ballot.</summary>
    public async Task VoteApproveAsync()
    {
        var choices = page.Locator("[data-testid=vote-form] [data-testid=vote-Approve]");
        for (var i = 0; i < await choices.CountAsync(); i++)
        {
            await choices.Nth(i).CheckAsync();
        }

        await page.Locator("[data-testid=cast-vote]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Sets the chair's outcome for one project to a rejection, with a reason for deviating from the vote if given.</summary>
    public async Task RejectAsync(string project, string reason, string? deviation = null)
    {
        var outcome = page.Locator("[data-testid=project-outcome]").Filter(new() { HasText = project });
        await outcome.Locator("[data-testid=outcome-Rejected]").CheckAsync();
        await outcome.Locator("textarea[name^=Detail_]").FillAsync(reason);
        await outcome.Locator("[data-testid=deviation-reason]").FillAsync(deviation ?? string.Empty);
    }

    public async Task RecordResolutionAsync(string text)
    {
        await page.Locator("[data-testid=resolution-form] textarea[name=ResolutionText]").FillAsync(text);
        await page.Locator("[data-testid=confirm-resolution]").CheckAsync();
        await page.Locator("[data-testid=record-resolution]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public ILocator Status => page.Locator("[data-testid=meeting-status]");

    public ILocator Ballots => page.Locator("[data-testid=ballots]");

    public ILocator Resolution => page.Locator("[data-testid=resolution]");

    public ILocator AgainstMajority => page.Locator("[data-testid=against-majority]");

    public ILocator Errors => page.Locator("[data-testid=form-errors]");
}

/// <summary>The working group's notice pages and the public notice page.</summary>
public sealed class NoticePages(IPage page)
{
    public async Task DraftAsync(string contact)
    {
        await page.GotoAsync("/notices/manage");
        var form = page.Locator("[data-testid=notice-form]").First;
        await form.Locator("input[name=Contact]").FillAsync(contact);
        await form.Locator("[data-testid=create-notice]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/notices/manage/", StringComparison.Ordinal));
    }

    /// <summary>Publishing takes a confirmation step: the button leads to it, and only its own button publishes.</summary>
    public async Task PublishAsync()
    {
        await page.Locator("[data-testid=publish-notice]").ClickAsync();
        await page.Locator("[data-testid=confirm-publish-button]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=published", StringComparison.Ordinal));
    }

    /// <summary>Withdraws the notice through its confirmation step, giving <paramref name="reason"/>.</summary>
    public async Task WithdrawAsync(string reason)
    {
        await page.Locator("[data-testid=withdraw-notice]").ClickAsync();
        await page.Locator("[data-testid=withdraw-reason]").FillAsync(reason);
        await page.Locator("[data-testid=confirm-withdraw-button]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=withdrawn", StringComparison.Ordinal));
    }

    public ILocator Conditions => page.Locator("[data-testid=notice-conditions]");

    public ILocator Status => page.Locator("[data-testid=notice-status]");

    public async Task ObjectAsync(string projectTitle, string text, string name, string contact)
    {
        await page.Locator("[data-testid=kind-objection]").CheckAsync();
        await page.Locator("#project").SelectOptionAsync(new SelectOptionValue { Label = projectTitle });
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#contact").FillAsync(contact);
        await page.Locator("[data-testid=send-response]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public ILocator Sent => page.Locator("[data-testid=response-sent]");

    public ILocator ListingStatus => page.Locator("[data-testid=listing-status]");

    public Task AnswerAndDismissAsync(string answer, string note) => AnswerAndResolveAsync(answer, "Dismissed", note);

    /// <summary>Answers the first response and resolves it with <paramref name="outcome"/> (an <c>ObjectionOutcome</c> name).</summary>
    public async Task AnswerAndResolveAsync(string answer, string outcome, string note)
    {
        var response = page.Locator("[data-testid=managed-response]").First;
        await response.Locator("[data-testid=answer-text]").FillAsync(answer);
        await response.Locator("[data-testid=answer]").ClickAsync();
        await page.WaitForLoadStateAsync();
        response = page.Locator("[data-testid=managed-response]").First;
        await response.Locator($"[data-testid=outcome-{outcome}]").CheckAsync();
        await response.Locator("[data-testid=resolution-note]").FillAsync(note);
        await response.Locator("[data-testid=resolve]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public ILocator Responses => page.Locator("[data-testid=managed-response]");
}
