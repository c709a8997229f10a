using System.Net;
using System.Text.RegularExpressions;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Notifications;

/// <summary>People of their own for each test, and notifications written as other modules write them.</summary>
internal static partial class NotificationTestData
{
    public static async Task<(string Id, string Email)> NewPersonAsync(this FinPilotApp app, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.cn";
        var created = await app.CreateUserAsync(email, Role.Expert);
        return (created.User.Id, email);
    }

    /// <summary>Enqueues through <see cref="Notifier"/> and saves, as a module's change would; returns the new id.</summary>
    public static async Task<Guid> NotifyAsync(this FinPilotApp app, string userId, NotificationKind kind, string project, string link = "/applications/1")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var before = await db.Notifications.Where(n => n.UserId == userId).Select(n => n.Id).ToListAsync();
        scope.ServiceProvider.GetRequiredService<Notifier>().Enqueue(
            [userId], kind, link, new Dictionary<string, string> { [NotificationValues.Title] = project, [NotificationValues.Due] = "2025-10-15" });
        await db.SaveChangesAsync();
        return await db.Notifications.Where(n => n.UserId == userId && !before.Contains(n.Id)).Select(n => n.Id).SingleAsync();
    }

    public static Task<Notification> StoredAsync(this FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));

    /// <summary>The hidden fields (Blazor's <c>_handler</c>, the antiforgery token) of the form marked with a data-testid.</summary>
    public static Dictionary<string, string> FormFields(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No form '{testId}' on the page.");
        var formStart = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        return HiddenInput().Matches(html[formStart..end])
            .Select(m => (Name: NameAttribute().Match(m.Value).Groups[1].Value, Value: WebUtility.HtmlDecode(ValueAttribute().Match(m.Value).Groups[1].Value)))
            .Where(f => f.Name.Length > 0)
            .ToDictionary(f => f.Name, f => f.Value);
    }

    [GeneratedRegex("""<input\b[^>]*\btype="hidden"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    [GeneratedRegex(@"\bname=""([^""]*)""")]
    private static partial Regex NameAttribute();

    [GeneratedRegex(@"\bvalue=""([^""]*)""")]
    private static partial Regex ValueAttribute();
}
