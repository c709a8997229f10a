using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// The one place where public records are written: notices, resolutions, admissions, and later
/// every disclosure. Each record joins the caller's unit of work, so a decision and its public
/// record are saved together or not at all; the ledger appends from <see cref="PublicRecordEntry"/>
/// in sequence, without the deciding modules knowing about it.
/// </summary>
public sealed class PublicRecordWriter(FinPilotDbContext db)
{
    public void Write(PublicRecord record, int regionId, IEnumerable<PublicEvent> events)
    {
        db.PublicRecords.Add(PublicRecordEntry.From(record));
        foreach (var e in events)
        {
            db.PublicEvents.Add(new PublicEventRecord
            {
                Id = Guid.CreateVersion7(e.At),
                ProjectId = e.ProjectId,
                RegionId = regionId,
                Kind = e.Kind,
                At = e.At,
                TitleZh = e.TitleZh,
                TitleEn = e.TitleEn,
                Link = e.Link,
            });
        }
    }
}
