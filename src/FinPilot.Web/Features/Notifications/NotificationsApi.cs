using System.Globalization;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Notifications;

public static class NotificationsApi
{
    /// <summary>A notification in the caller's language (Accept-Language or the culture cookie).</summary>
    public sealed record NotificationDto(
        Guid Id, NotificationKind Kind, string Subject, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
    {
        public static NotificationDto From(Notification n)
        {
            var text = NotificationTexts.Render(n, CultureInfo.CurrentUICulture);
            return new(n.Id, n.Kind, text.Subject, text.Body, n.Link, n.CreatedAt, n.ReadAt);
        }
    }

    public sealed record MarkedDto(int Marked);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/notifications", "Notifications");
        group.MapGet("/", List).WithName("ListNotifications")
            .WithSummary("The caller's notifications, newest first, paged; unread=true for unread ones only.");
        group.MapPost("/{id:guid}/read", MarkRead).WithName("MarkNotificationRead")
            .WithSummary("Mark one of the caller's notifications read; anyone else's is 404.");
        group.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead")
            .WithSummary("Mark all of the caller's notifications read; answers how many were unread.");

        // Opening a notification from the inbox or from an e-mail: marks it read and follows its
        // link. Only the owner gets through; anyone else sees "not found".
        app.MapGet("/inbox/{id:guid}", Open).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<Page<NotificationDto>>> List(bool? unread, int? page, int? pageSize, NotificationInbox inbox, CancellationToken ct)
    {
        var found = await inbox.ListAsync(unread ?? false, page, pageSize, ct);
        return TypedResults.Ok(new Page<NotificationDto>(found.Items.Select(NotificationDto.From).ToList(), found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<NotificationDto>, ProblemHttpResult>> MarkRead(Guid id, NotificationInbox inbox, CancellationToken ct)
    {
        var result = await inbox.MarkReadAsync(id, ct);
        return result.ToHttp(value => TypedResults.Ok(NotificationDto.From(value)));
    }

    private static async Task<Ok<MarkedDto>> MarkAllRead(NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new MarkedDto(await inbox.MarkAllReadAsync(ct)));

    private static async Task<Results<RedirectHttpResult, NotFound>> Open(Guid id, NotificationInbox inbox, CancellationToken ct)
    {
        var result = await inbox.MarkReadAsync(id, ct);
        return result.Succeeded
            ? TypedResults.LocalRedirect(NotificationInbox.SafeLink(result.Value.Link))
            : TypedResults.NotFound();
    }
}
