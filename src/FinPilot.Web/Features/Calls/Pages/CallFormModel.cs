using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Features.Calls;
using Microsoft.AspNetCore.Components.Forms;

namespace FinPilot.Web.Features.Calls.Pages;

/// <summary>
/// What the call form posts. Lists are typed one item per line; times are entered as Beijing
/// wall-clock time (<c>datetime-local</c>), whatever the browser's zone.
/// </summary>
public sealed class CallFormModel
{
    public int? RegionId { get; set; }

    public int? BatchNumber { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? BodyHtml { get; set; }

    public string? Directions { get; set; }

    public List<TypeChoice> EligibleTypes { get; set; } = [];

    public DateTime? OpensAt { get; set; }

    public DateTime? ClosesAt { get; set; }

    public string? Materials { get; set; }

    public string? Contact { get; set; }

    /// <summary>更正说明: required when correcting a published call.</summary>
    public string? Note { get; set; }

    public Guid Version { get; set; }

    public static CallFormModel From(Call c) => new CallFormModel
    {
        RegionId = c.RegionId,
        BatchNumber = c.BatchNumber,
        Title = c.Title,
        BodyHtml = c.BodyHtml,
        Directions = string.Join('\n', c.Directions),
        EligibleTypes = Enum.GetValues<OrganisationType>().Select(t => new TypeChoice { Type = t, Selected = c.EligibleTypes.Contains(t) }).ToList(),
        OpensAt = TimeZoneInfo.ConvertTime(c.OpensAt, ChinaTime.Zone).DateTime,
        ClosesAt = TimeZoneInfo.ConvertTime(c.ClosesAt, ChinaTime.Zone).DateTime,
        Materials = string.Join('\n', c.Materials),
        Contact = c.Contact,
        Version = c.Version,
    }.Padded();

    /// <summary>One checkbox row per organisation type, whatever was posted.</summary>
    public CallFormModel Padded()
    {
        var chosen = EligibleTypes.Where(c => c.Selected).Select(c => c.Type).ToHashSet();
        EligibleTypes = Enum.GetValues<OrganisationType>().Select(t => new TypeChoice { Type = t, Selected = chosen.Contains(t) }).ToList();
        return this;
    }

    /// <summary>What the form itself must catch: numbers and times the domain cannot be given without.</summary>
    public IReadOnlyList<Domain.Common.Error> Missing()
    {
        var errors = new List<Domain.Common.Error>();
        if (BatchNumber is null)
        {
            errors.Add(new Domain.Common.Error(Text.RequiredCode, nameof(BatchNumber)));
        }

        if (OpensAt is null)
        {
            errors.Add(new Domain.Common.Error(Text.RequiredCode, nameof(OpensAt)));
        }

        if (ClosesAt is null)
        {
            errors.Add(new Domain.Common.Error(Text.RequiredCode, nameof(ClosesAt)));
        }

        return errors;
    }

    public CallDetails ToDetails() => new(
        BatchNumber ?? 0,
        Title ?? string.Empty,
        BodyHtml ?? string.Empty,
        Lines(Directions),
        EligibleTypes.Where(c => c.Selected).Select(c => c.Type).ToList(),
        Beijing(OpensAt),
        Beijing(ClosesAt),
        Lines(Materials),
        Contact);

    /// <summary>The correction as changes to every field the form shows (unchanged fields are simply equal).</summary>
    public CallChanges ToChanges()
    {
        var d = ToDetails();
        return new CallChanges(d.BatchNumber, d.Title, d.BodyHtml, d.Directions, d.EligibleTypes, d.OpensAt, d.ClosesAt, d.Materials, d.Contact ?? string.Empty);
    }

    /// <summary>Errors about one line of a list ("Directions[2]") are shown at the list's box.</summary>
    public FieldIdentifier? Field(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 && typeof(CallFormModel).GetProperty(name[..bracket]) is not null
            ? new FieldIdentifier(this, name[..bracket])
            : null;
    }

    private static List<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static DateTimeOffset Beijing(DateTime? local)
    {
        if (local is not { } value)
        {
            return default;
        }

        var wallClock = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, ChinaTime.Zone.GetUtcOffset(wallClock));
    }

    public sealed class TypeChoice
    {
        public OrganisationType Type { get; set; }

        public bool Selected { get; set; }
    }
}
