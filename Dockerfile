FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml ./
COPY tracker tracker
COPY bills bills
COPY amendments amendments
RUN pip install --no-cache-dir .
COPY . .
RUN mkdir -p /app/var && chown nobody /app/var
USER nobody
EXPOSE 8000
