# podwhy's container image: a static binary on distroless (no shell, no
# package manager), running as the unprivileged user 65532.
#
#   docker build -t podwhy:dev .          # or: ko build ./cmd/podwhy (.ko.yaml)
#   docker run --rm podwhy:dev version
#
# The same binary is podwhy, kubectl-why and podwhy serve: deploy/serve.yaml
# and charts/podwhy run it with "serve".
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY cmd ./cmd
COPY internal ./internal
ARG VERSION=dev
RUN CGO_ENABLED=0 GOFLAGS=-trimpath go build \
      -ldflags "-s -w -X github.com/podwhy/podwhy/internal/cli.Version=${VERSION}" \
      -o /out/podwhy ./cmd/podwhy

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/podwhy /podwhy
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/podwhy"]
CMD ["serve", "--addr=:8080"]
