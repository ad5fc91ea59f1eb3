using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

// Site ROOT_DIR URL: serves ROOT_DIR (generate.py's site/) at URL, e.g. http://127.0.0.1:5199.
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[1]);
var app = builder.Build();
var types = new FileExtensionContentTypeProvider();
types.Mappings[".gz"] = "application/x-gzip";
types.Mappings[".xml"] = "application/xml";
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(args[0])) });
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = new PhysicalFileProvider(Path.GetFullPath(args[0])),
    ContentTypeProvider = types,
    ServeUnknownFileTypes = true,
});
app.Run();
