using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinPilot.Domain.Deliberation;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>
/// The coordination group's resolutions about one project as the public may read them: only what
/// the public record holds (the outcome, its conditions or reason, the tally), so a rejected
/// project that never reached the register still has a page its ledger entry can point to.
/// </summary>
public sealed class PublicResolutions(FinPilotDbContext db, LedgerReader ledger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<PublicResolution>> OfProjectAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var subject = projectId.ToString();
        var records = await db.PublicRecords.AsNoTracking()
            .Where(r => r.Kind == DeliberationActions.RecordResolution && r.SubjectId == subject)
            .OrderBy(r => r.Sequence)
            .Select(r => new { r.Sequence, r.At, r.Payload, r.RegionId })
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return [];
        }

        var sequences = records.Select(r => r.Sequence).ToList();
        var titles = await db.PublicEvents.AsNoTracking()
            .Where(e => e.RecordSequence != null && sequences.Contains(e.RecordSequence.Value) && e.ProjectId == projectId)
            .Select(e => new { Sequence = e.RecordSequence!.Value, e.TitleZh, e.TitleEn })
            .ToListAsync(cancellationToken);
        var regionIds = records.Where(r => r.RegionId != null).Select(r => r.RegionId!.Value).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (r.NameZh, r.NameEn), cancellationToken);
        var indexes = await ledger.IndexesOfAsync(sequences, cancellationToken);
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        return [.. records.Select(r =>
        {
            var content = JsonSerializer.Deserialize<Content>(r.Payload, Json) ?? new Content();
            var title = titles.FirstOrDefault(t => t.Sequence == r.Sequence);
            var region = r.RegionId is { } id && regions.TryGetValue(id, out var names) ? (chinese ? names.NameZh : names.NameEn) : string.Empty;
            return new PublicResolution(
                r.Sequence, r.At, region, title is null ? null : chinese ? title.TitleZh : title.TitleEn ?? title.TitleZh,
                content.Outcome, content.Conditions ?? [], content.Text, content.Tally, content.AgainstMajority, content.DeviationReason,
                indexes.TryGetValue(r.Sequence, out var index) ? index : null);
        })];
    }

    private sealed class Content
    {
        public OutcomeKind Outcome { get; init; }

        public IReadOnlyList<string>? Conditions { get; init; }

        public string? Text { get; init; }

        public VoteTally? Tally { get; init; }

        public bool AgainstMajority { get; init; }

        public string? DeviationReason { get; init; }
    }
}

/// <summary>One public resolution about a project.</summary>
public sealed record PublicResolution(
    long Sequence, DateTimeOffset At, string Region, string? Title, OutcomeKind Outcome, IReadOnlyList<string> Conditions,
    string? Text, VoteTally? Tally, bool AgainstMajority, string? DeviationReason, long? LedgerIndex);
