// Starts swagger-ui (vendored, static/vendor/swagger-ui) on the API's own OpenAPI document.
// validatorUrl null: swagger-ui would otherwise load a badge from an outside validator.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: true,
  });
});
