using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>A row of the register with its project's stage and exit mode and its lead's English name; only the columns shown.</summary>
internal sealed record RegisterRow(
    long Id, Guid ProjectId, int RegionId, Guid CallId, PublicProjectSummary Statement, DateTimeOffset ListedAt, DateTimeOffset UpdatedAt,
    ProjectStage? Stage, ExitMode? ExitMode, string? LeadNameEn);

/// <summary>A row of a page with the count of the rows the filters keep, those of them newer than the page's bound, and the newest row.</summary>
internal sealed record RegisterPageRow(RegisterRow Row, int Kept, int Newer, long AsOf);

/// <summary>
/// The register's reads as expressions: how a row is shown, written once, composed into the list's dynamic queries and
/// into the compiled every-day reads (the newest pages, a pilot's row and its timeline). Compiled, a read skips building
/// and translating its LINQ tree on every request, which was most of a page's work besides SQLite's. A compiled query
/// serves one model, so there is a set per model (one in an installation; one per host in the tests, which run both
/// providers).
/// </summary>
internal sealed class RegisterReads
{
    private static readonly ConditionalWeakTable<IModel, RegisterReads> ByModel = [];

    /// <summary>
    /// The rows as shown, in the list's order (newest public event first): only the columns shown (the row's search
    /// tokens are as long as its statement), with its project's stage and exit mode and its lead's English name, joined
    /// (correlated subqueries, one per value, cost SQLite more to prepare and to run).
    /// </summary>
    private static readonly Expression<Func<FinPilotDbContext, IQueryable<RegisterPilot>, IQueryable<RegisterRow>>> Shown = (db, rows) =>
        from r in rows
        join project in db.Projects on r.ProjectId equals project.Id into projects
        from p in projects.DefaultIfEmpty()
        join organisation in db.Organisations on r.LeadOrganisationId equals organisation.Id into leads
        from o in leads.DefaultIfEmpty()
        orderby r.UpdatedAt descending, r.Name, r.ProjectId
        select new RegisterRow(
            r.Id, r.ProjectId, r.RegionId, r.CallId, r.Statement, r.ListedAt, r.UpdatedAt, (ProjectStage?)p!.Stage, p!.ExitMode, o!.NameEn);

    public static RegisterReads For(FinPilotDbContext db) => ByModel.GetValue(db.Model, _ => new RegisterReads());

    /// <summary><paramref name="rows"/> as shown, reading from <paramref name="db"/>, to compose into a LINQ query.</summary>
    public static IQueryable<RegisterRow> ShownFrom(FinPilotDbContext db, IQueryable<RegisterPilot> rows) =>
        rows.Provider.CreateQuery<RegisterRow>(Bind(Shown, Expression.Constant(db, typeof(FinPilotDbContext)), rows.Expression));

    /// <summary>
    /// A page of the whole register, newest first, with its count and newest row: the keys from the order's index alone
    /// (the rows skipped are never read), then the page's rows by key, in one statement.
    /// </summary>
    public Func<FinPilotDbContext, int, int, IAsyncEnumerable<RegisterPageRow>> Newest { get; } = EF.CompileAsyncQuery(NewestPage());

    /// <summary>A pilot's row by its project.</summary>
    public Func<FinPilotDbContext, Guid, IAsyncEnumerable<RegisterRow>> OfProject { get; } = EF.CompileAsyncQuery(RowOfProject());

    /// <summary>A pilot's public events, oldest first.</summary>
    public Func<FinPilotDbContext, Guid, IAsyncEnumerable<PublicEventRecord>> TimelineOf { get; } =
        EF.CompileAsyncQuery<FinPilotDbContext, Guid, PublicEventRecord>((db, projectId) =>
            db.PublicEvents.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.At).ThenBy(e => e.Id));

    private static Expression<Func<FinPilotDbContext, int, int, IQueryable<RegisterPageRow>>> NewestPage()
    {
        Expression<Func<FinPilotDbContext, int, int, IQueryable<RegisterPilot>>> page = (db, skip, take) => db.RegisterPilots
            .Where(r => db.RegisterPilots
                .OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Name).ThenBy(p => p.ProjectId)
                .Select(p => p.Id)
                .Skip(skip).Take(take)
                .Contains(r.Id));
        Expression<Func<FinPilotDbContext, IQueryable<RegisterRow>, IQueryable<RegisterPageRow>>> counted = (db, rows) =>
            rows.Select(row => new RegisterPageRow(row, db.RegisterPilots.Count(), 0, db.RegisterPilots.Max(p => (long?)p.Id) ?? 0));
        var context = page.Parameters[0];
        return Expression.Lambda<Func<FinPilotDbContext, int, int, IQueryable<RegisterPageRow>>>(
            Bind(counted, context, Bind(Shown, context, page.Body)), page.Parameters);
    }

    private static Expression<Func<FinPilotDbContext, Guid, IQueryable<RegisterRow>>> RowOfProject()
    {
        Expression<Func<FinPilotDbContext, Guid, IQueryable<RegisterPilot>>> rows = (db, projectId) =>
            db.RegisterPilots.Where(p => p.ProjectId == projectId);
        return Expression.Lambda<Func<FinPilotDbContext, Guid, IQueryable<RegisterRow>>>(Bind(Shown, rows.Parameters[0], rows.Body), rows.Parameters);
    }

    /// <summary>The body of <paramref name="lambda"/> with its two parameters replaced by <paramref name="first"/> and <paramref name="second"/>.</summary>
    private static Expression Bind<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> lambda, Expression first, Expression second) =>
        new ReplacingExpressionVisitor([lambda.Parameters[0], lambda.Parameters[1]], [first, second]).Visit(lambda.Body);
}
