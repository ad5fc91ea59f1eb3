using NewsDesk.Web.Cli;

// With no verb the app serves; with a verb (migrate, import-seeds, ...) it does that job and exits.
return await NewsDeskCommandLine.RunAsync(args);

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
