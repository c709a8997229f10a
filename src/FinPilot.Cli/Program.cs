using FinPilot.Cli;

return await CliApp.Create().Parse(args).InvokeAsync();
