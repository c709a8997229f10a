namespace FinPilot.Web.Features.Workbench;

/// <summary>One thing on a person's to-do list: what, where to do it, and by when.</summary>
/// <param name="Href">Site-relative, without a leading slash (pages resolve it against the base).</param>
public sealed record WorkbenchItem(string Title, string? Detail, string Href, DateTimeOffset? DueAt = null, bool Overdue = false);

/// <summary>
/// One queue of the workbench (工作台): how many things wait in it, the most pressing few and the
/// page that lists them all. <see cref="Key"/> is also the navigation item whose count it gives.
/// </summary>
public sealed record WorkbenchSection(string Key, string Title, int Count, IReadOnlyList<WorkbenchItem> Items, string AllHref);
