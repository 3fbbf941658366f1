# ruleid: terraform-database-deletion-unprotected
resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  deletion_protection = false
}

# ruleid: terraform-database-deletion-unprotected
resource "aws_rds_cluster" "billing" {
  cluster_identifier  = "billing"
  engine              = "aurora-postgresql"
  skip_final_snapshot = true
}

# ok: terraform-database-deletion-unprotected
resource "aws_db_instance" "users" {
  identifier                = "users"
  engine                    = "postgres"
  instance_class            = "db.t4g.medium"
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "users-final"

  lifecycle {
    prevent_destroy = true
  }
}

# ok: terraform-database-deletion-unprotected
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}
