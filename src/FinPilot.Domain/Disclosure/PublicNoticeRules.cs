using FinPilot.Domain.Common;

namespace FinPilot.Domain.Disclosure;

/// <summary>What a notice may hold at all (checked on every save) and what it must hold to be published.</summary>
public static class PublicNoticeRules
{
    /// <summary>Limits that hold for drafts too, so nothing oversized is ever stored.</summary>
    public static IEnumerable<Error> Limits(PublicNoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var error in Text.Required(content.Title, nameof(PublicNotice.Title), PublicNotice.MaxTitleLength)
            .Concat(Text.Optional(content.BodyText, nameof(PublicNotice.BodyText), PublicNotice.MaxBodyLength))
            .Concat(Text.Optional(content.Contact, nameof(PublicNotice.Contact), PublicNotice.MaxContactLength)))
        {
            yield return error;
        }

        if (content.PeriodWorkingDays is < PublicNotice.MinPeriodWorkingDays or > PublicNotice.MaxPeriodWorkingDays)
        {
            yield return new Error(
                DisclosureErrors.PeriodOutOfRange, nameof(PublicNotice.PeriodWorkingDays), PublicNotice.MinPeriodWorkingDays, PublicNotice.MaxPeriodWorkingDays);
        }

        var projects = content.Projects ?? [];
        if (projects.Count > PublicNotice.MaxProjects)
        {
            yield return new Error(DisclosureErrors.TooManyProjects, nameof(content.Projects), PublicNotice.MaxProjects);
            yield break;
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < projects.Count; i++)
        {
            var field = $"{nameof(content.Projects)}[{i}]";
            if (projects[i] is not { } project)
            {
                yield return new Error(Text.RequiredCode, field);
                continue;
            }

            if (project.ProjectId != Guid.Empty && !seen.Add(project.ProjectId))
            {
                yield return new Error(DisclosureErrors.DuplicateProject, field, project.ProjectId);
            }

            foreach (var error in project.LimitErrors(field))
            {
                yield return error;
            }
        }
    }

    /// <summary>Every gap that stops publication, each on its field, all at once.</summary>
    public static IEnumerable<Error> CompletenessErrors(PublicNoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(content.BodyText))
        {
            yield return new Error(Text.RequiredCode, nameof(PublicNotice.BodyText));
        }

        if (string.IsNullOrWhiteSpace(content.Contact))
        {
            yield return new Error(Text.RequiredCode, nameof(PublicNotice.Contact));
        }

        var projects = content.Projects ?? [];
        if (projects.Count == 0)
        {
            yield return new Error(DisclosureErrors.ProjectsRequired, nameof(content.Projects));
        }

        for (var i = 0; i < projects.Count; i++)
        {
            foreach (var error in projects[i].CompletenessErrors($"{nameof(content.Projects)}[{i}]"))
            {
                yield return error;
            }
        }
    }
}
