using System.Globalization;
using System.Text;
using FinPilot.Ledger.Witness;
using FinPilot.Web.Http;
using FinPilot.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Ledger.Witnessing;

/// <summary>
/// This node as a witness over HTTP: <c>POST /ledger/witness/add-checkpoint</c> as
/// c2sp.org/tlog-witness defines it (anyone may call it; the log's signature is what counts), and
/// what it witnessed, for anyone to read, under <c>/api/v1/ledger/witness</c>.
/// </summary>
public static class WitnessApi
{
    /// <summary>Where other logs send their checkpoints to this witness.</summary>
    public const string AddCheckpointPath = "/ledger/witness/add-checkpoint";

    public sealed record WitnessDto(string Name, string VerifierKey, string AddCheckpointUrl, IReadOnlyList<FollowedLogDto> Logs);

    public sealed record FollowedLogDto(string Origin, IReadOnlyList<string> Keys, long Size, string? RootHash, DateTimeOffset? UpdatedAt, string? CosignedNote);

    /// <summary>
    /// A stored refusal. <paramref name="LogSignatureVerified"/> is always true (only checkpoints
    /// whose log signature verified are stored); <paramref name="ConsistencyProofVerified"/> is
    /// false when the consistency proof did not verify, null when the checkpoint contradicts the
    /// cosigned one without any proof (a fork at the same size); <paramref name="Verified"/> says
    /// both in the reader's language.
    /// </summary>
    public sealed record RefusalDto(
        long Id, string Origin, DateTimeOffset At, string Kind, string Reason, long OldSize, long Size, string CheckpointNote,
        bool LogSignatureVerified, bool? ConsistencyProofVerified, string Verified);

    public sealed record RefusalPageDto(IReadOnlyList<RefusalDto> Items, int Page, int PageSize, int Total);

    public static IEndpointRouteBuilder MapWitnessApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(AddCheckpointPath, AddCheckpoint).AllowAnonymous().DisableAntiforgery().WithTags("Ledger").WithName("WitnessAddCheckpoint")
            .WithSummary("c2sp.org/tlog-witness add-checkpoint: cosigns a followed log's checkpoint that extends the last one cosigned (200 with cosignature lines, 409 with this witness's size).");

        var api = app.MapGroup("/api/v1/ledger/witness").AllowAnonymous().WithTags("Ledger");
        api.MapGet("/", About).WithName("GetWitness")
            .WithSummary("This node as a witness: its key and, per followed log, the latest checkpoint it cosigned.");
        api.MapGet("/refusals", Refusals).WithName("GetWitnessRefusals")
            .WithSummary("Checkpoints this witness refused although their log signed them (bad proofs, forks), newest first.");
        return app;
    }

    private static async Task<IResult> AddCheckpoint(HttpContext context, LedgerWitness witness, CancellationToken ct)
    {
        if (!witness.IsWitness)
        {
            return Problems.NotFound();
        }

        var body = await ReadBodyAsync(context.Request, AddCheckpointRequest.MaxBodyBytes, ct);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: LedgerStrings.Witness_Refused_BadRequest,
                detail: string.Format(CultureInfo.CurrentCulture, CompositeFormat.Parse(LedgerStrings.Witness_BodyTooLarge), AddCheckpointRequest.MaxBodyBytes));
        }

        return await witness.AddCheckpointAsync(body, context.Connection.RemoteIpAddress?.ToString(), ct) switch
        {
            WitnessOutcome.Cosigned cosigned => TypedResults.Text(cosigned.SignatureLines, "text/plain; charset=utf-8", Encoding.UTF8),
            WitnessOutcome.Conflict conflict => TypedResults.Text(conflict.Body, conflict.ContentType, Encoding.UTF8, StatusCodes.Status409Conflict),
            WitnessOutcome.Refused refused => TypedResults.Problem(statusCode: refused.StatusCode, title: Title(refused.Kind), detail: refused.Reason),
            _ => throw new InvalidOperationException("Unknown witness outcome."),
        };
    }

    private static async Task<Results<Ok<WitnessDto>, ProblemHttpResult>> About(LedgerWitness witness, WitnessKeys keys, HttpContext context, CancellationToken ct)
    {
        if (keys.Cosigner is not { } cosigner)
        {
            return Problems.NotFound();
        }

        var logs = await witness.FollowedAsync(ct);
        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{AddCheckpointPath}";
        return TypedResults.Ok(new WitnessDto(cosigner.Name, cosigner.VerifierKey, url, [.. logs.Select(l => new FollowedLogDto(
            l.Origin, l.Keys, l.Latest?.Size ?? 0, l.Latest is null ? null : Convert.ToBase64String(l.Latest.RootHash), l.Latest?.UpdatedAt, l.Latest?.CosignedNote))]));
    }

    private static async Task<Results<Ok<RefusalPageDto>, ProblemHttpResult>> Refusals(LedgerWitness witness, int? page, CancellationToken ct)
    {
        if (!witness.IsWitness)
        {
            return Problems.NotFound();
        }

        const int PageSize = 50;
        var number = Math.Max(1, page ?? 1);
        var (items, total) = await witness.RefusalsAsync(number, PageSize, ct);
        return TypedResults.Ok(new RefusalPageDto(
            [.. items.Select(r => new RefusalDto(
                r.Id, r.Origin, r.At, r.Kind, r.Reason, r.OldSize, r.Size, r.CheckpointNote, true, ProofVerified(r.Kind), Verified(r.Kind)))], number, PageSize, total));
    }

    /// <summary>The request body, or null when it is longer than <paramref name="limit"/>: nothing beyond it is read.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        return read > limit ? null : buffer[..read];
    }

    /// <summary>Whether a stored refusal's consistency proof verified: false for a bad proof, null where none was needed (a fork).</summary>
    public static bool? ProofVerified(string kind) => kind == nameof(RefusalKind.BadProof) ? false : null;

    /// <summary>
    /// What the witness verified for a stored refusal, in the reader's language: the log's
    /// signature is genuine (a refusal is stored only then), and the proof did not verify, or the
    /// checkpoint contradicts the one cosigned without any proof needed.
    /// </summary>
    public static string Verified(string kind) => Enum.TryParse<RefusalKind>(kind, out var parsed) ? parsed switch
    {
        RefusalKind.BadProof => LedgerStrings.Witness_Verified_BadProof,
        RefusalKind.Inconsistent => LedgerStrings.Witness_Verified_Inconsistent,
        _ => LedgerStrings.Witness_Verified_Signature,
    } : LedgerStrings.Witness_Verified_Signature;

    /// <summary>What a refusal of <paramref name="kind"/> means, in the reader's language.</summary>
    public static string Title(RefusalKind kind) => kind switch
    {
        RefusalKind.UnknownLog => LedgerStrings.Witness_Refused_UnknownLog,
        RefusalKind.BadSignature => LedgerStrings.Witness_Refused_BadSignature,
        RefusalKind.BadProof => LedgerStrings.Witness_Refused_BadProof,
        RefusalKind.Inconsistent => LedgerStrings.Witness_Refused_Inconsistent,
        _ => LedgerStrings.Witness_Refused_BadRequest,
    };
}
