using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// The one place where public records are written: calls, notices, resolutions, admissions, and
/// later every disclosure. Each record joins the caller's unit of work, so a decision and its public
/// record are saved together or not at all; the ledger appends from <see cref="PublicRecordEntry"/>
/// in sequence, without the deciding modules knowing about it.
/// </summary>
public sealed class PublicRecordWriter(FinPilotDbContext db)
{
    /// <summary>A record about projects: its page is the page of its events (a notice, a pilot).</summary>
    public void Write(PublicRecord record, int regionId, IReadOnlyCollection<PublicEvent> events) =>
        Write(record, regionId, events, events.FirstOrDefault()?.Link ?? "/pilots");

    /// <summary>A record about no project (a call for projects), shown on the page <paramref name="link"/>.</summary>
    public void Write(PublicRecord record, int regionId, string link)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        Write(record, regionId, [], link);
    }

    /// <summary>
    /// A record of the national level, about no region and no project (a national casebook, the platform's
    /// statistics snapshot): its ledger entry names no region.
    /// </summary>
    public void WriteNational(PublicRecord record, string link)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        Write(record, null, [], link);
    }

    /// <summary>
    /// A national record about projects of several regions (a national casebook): the entry names no
    /// region, and each project's line on its timeline lies in that project's own region.
    /// </summary>
    public void WriteNational(PublicRecord record, string link, IReadOnlyCollection<(PublicEvent Event, int RegionId)> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        ArgumentNullException.ThrowIfNull(events);
        var regions = events.ToDictionary(e => e.Event, e => e.RegionId);
        Write(record, null, [.. events.Select(e => e.Event)], link, e => regions[e]);
    }

    private void Write(PublicRecord record, int? regionId, IReadOnlyCollection<PublicEvent> events, string link, Func<PublicEvent, int>? regionOf = null)
    {
        // A record about several projects (a notice) names none of them, its payload lists them.
        var projects = events.Select(e => e.ProjectId).Distinct().ToList();
        var entry = PublicRecordEntry.From(record, regionId, projects.Count == 1 ? projects[0] : null, link);
        db.PublicRecords.Add(entry);
        foreach (var e in events)
        {
            db.PublicEvents.Add(new PublicEventRecord
            {
                Id = Guid.CreateVersion7(e.At),
                ProjectId = e.ProjectId,
                RegionId = regionOf?.Invoke(e) ?? regionId ?? throw new InvalidOperationException("A project's public event belongs to its region."),
                Kind = e.Kind,
                At = e.At,
                TitleZh = e.TitleZh,
                TitleEn = e.TitleEn,
                Link = e.Link,
                Record = entry,
            });
        }
    }
}
