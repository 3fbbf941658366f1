import os
import subprocess


def deploy(branch, path):
    # ruleid: py-subprocess-shell-true
    subprocess.run(f"git checkout {branch}", shell=True, check=True)

    # ruleid: py-subprocess-shell-true
    os.system("rm -rf " + path)

    # ok: py-subprocess-shell-true
    subprocess.run(["git", "checkout", branch], check=True)

    # ok: py-subprocess-shell-true
    subprocess.run("git status", shell=True, check=True)
