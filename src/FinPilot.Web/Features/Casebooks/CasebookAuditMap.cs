using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Common;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>The audit actions and the public record kind of the casebook.</summary>
public static class CasebookActions
{
    public const string Created = "casebook.created";
    public const string Renamed = "casebook.renamed";
    public const string CaseSelected = "casebook.case-selected";
    public const string CaseRemoved = "casebook.case-removed";
    public const string EditorialWritten = "casebook.editorial-written";
    public const string PolicySet = "casebook.policy-set";
    public const string Published = "casebook.published";
    public const string EditionStarted = "casebook.edition-started";

    /// <summary>The kind of the public record (and ledger entry) of a published casebook.</summary>
    public const string RecordPublished = "Casebook.Published";
}

/// <summary>The audit line of every event a <see cref="Casebook"/> records.</summary>
public sealed class CasebookAuditMap : AuditMap<Casebook>
{
    protected override AuditLine? Map(Casebook c, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        CasebookCreated e => Line(c, CasebookActions.Created, new { scope = e.Scope.ToString(), e.RegionId, c.TitleZh, c.TitleEn, c.Period }),
        CasebookEditionStarted e => Line(c, CasebookActions.EditionStarted, new { supersedes = e.PreviousId, previousEdition = e.PreviousEdition, edition = e.Edition }),
        CasebookRenamed => Line(c, CasebookActions.Renamed, new { c.TitleZh, c.TitleEn, c.Period }),
        CasebookCaseSelected e => Line(c, CasebookActions.CaseSelected, new { e.ProjectId, tier = e.Tier.ToString() }),
        CasebookCaseRemoved e => Line(c, CasebookActions.CaseRemoved, new { e.ProjectId }),
        CasebookEditorialWritten e => Line(c, CasebookActions.EditorialWritten, new { e.ProjectId }),
        CasebookPolicySet e => Line(c, CasebookActions.PolicySet, new
        {
            e.ProjectId,
            published = e.Published.Select(f => f.ToString()),
            internalPublished = e.InternalPublished.Select(f => f.ToString()),
        }),
        CasebookPublished e => Line(c, CasebookActions.Published, new { pdf = e.PdfSha256, docx = e.DocxSha256, projects = e.ProjectIds }),
        _ => null,
    };

    private static AuditLine Line(Casebook c, string action, object details) => new(action, AuditResource.Casebook, c.Id.ToString(), details, c.RegionId);
}
