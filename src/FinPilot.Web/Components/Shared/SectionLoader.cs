namespace FinPilot.Web.Components.Shared;

/// <summary>
/// Lets the sections of one page (components that each load their own data) load one after
/// another. They share the request's DbContext, which allows one operation at a time, while
/// server rendering runs sibling components' async lifecycles at the same time.
/// </summary>
public sealed class SectionLoader : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> LoadAsync<T>(Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        await _gate.WaitAsync();
        try
        {
            return await load();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The page's own loads and commands, which must not run beside its sections' loads either.</summary>
    public Task RunAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return LoadAsync(async () =>
        {
            await work();
            return true;
        });
    }

    public void Dispose() => _gate.Dispose();
}
